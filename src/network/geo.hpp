// Spherical geometry on the WGS84 mean sphere: great-circle distances and points along a path.
#pragma once

namespace flyorcall::network {

/// Mean Earth radius in km.
inline constexpr double kEarthRadiusKm = 6371.0;

/// Great-circle distance in km between two WGS84 points (haversine, mean Earth radius).
[[nodiscard]] double great_circle_km(double lat1, double lon1, double lat2, double lon2);

} // namespace flyorcall::network
