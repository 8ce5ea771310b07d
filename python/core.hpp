// What the two sources of flyorcall._core share (python/core.cpp, python/core_verbs.cpp).
#pragma once

#include <string>

#include <pybind11/pybind11.h>

#include "flyorcall/flyorcall.hpp"

namespace pyfyc {

/// The plan method of its Python name ("search", "greedy", "exact"); ValueError otherwise.
flyorcall::PlanMethod method_of(const std::string& name);

/// Adds route, network, holidays, calls, compare and the batch functions to the module.
void bind_verbs(pybind11::module_& m);

} // namespace pyfyc
