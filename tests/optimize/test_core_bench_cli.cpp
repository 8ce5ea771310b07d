// flyorcall-bench end to end: JSON output of both runners, exit codes and messages.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct BenchRun {
  int code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class BenchCli : public ::testing::Test {
protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("flyorcall-bench-") + info->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  BenchRun run(const std::string& args) const {
    const fs::path out = dir_ / "out.txt";
    const fs::path err = dir_ / "err.txt";
    const std::string cmd = std::string("'") + FLYORCALL_BENCH + "' " + args + " >'" +
                            out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    BenchRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  fs::path dir_;
};

TEST_F(BenchCli, OrienteeringJson) {
  // Start (0,0), end (4,0); point 2 at (2,1) fits (2 × sqrt 5 = 4.47 <= 5), point 3 does not.
  const fs::path f = write("op.txt", "5\t1\n0\t0\t0\n4\t0\t0\n2\t1\t7\n2\t9\t50\n");
  const BenchRun r = run("op '" + f.string() + "' --json --seed 3");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"score\":7,\"length\":4.472135955,\"route\":[0,2,1],\"ms\":", 0), 0u)
      << r.out;
  const BenchRun text = run("op '" + f.string() + "'");
  EXPECT_NE(text.out.find("score 7, length 4.472135955 of 5, 1 of 2 points visited"),
            std::string::npos)
      << text.out;
}

TEST_F(BenchCli, TspJson) {
  const fs::path f = write("sq.tsp", "NAME: sq\nTYPE: TSP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EUC_2D\n"
                                     "NODE_COORD_SECTION\n1 0 0\n2 10 10\n3 10 0\n4 0 10\nEOF\n");
  const BenchRun r = run("tsp '" + f.string() + "' --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const bool either = r.out.rfind("{\"length\":40,\"tour\":[0,2,1,3],\"ms\":", 0) == 0 ||
                      r.out.rfind("{\"length\":40,\"tour\":[0,3,1,2],\"ms\":", 0) == 0;
  EXPECT_TRUE(either) << r.out;
}

TEST_F(BenchCli, BadFilesExitTwoWithTheLine) {
  const fs::path f = write("bad.txt", "5 1\n0 0 0\n1 1\n");
  const BenchRun r = run("op '" + f.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "error: " + f.string() + ":3: expected 'x y score', found 2 fields\n");
  const BenchRun missing = run("tsp '" + (dir_ / "none.tsp").string() + "'");
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err, "error: " + (dir_ / "none.tsp").string() + ": cannot open file\n");
  EXPECT_EQ(run("route x").code, 2);
  EXPECT_EQ(run("op '" + f.string() + "' --time-limit-ms -5").code, 2);
}

TEST_F(BenchCli, UnreachableEndExitsThree) {
  const fs::path f = write("far.txt", "3 1\n0 0 0\n10 0 0\n1 0 5\n");
  const BenchRun r = run("op '" + f.string() + "' --json");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("no feasible route"), std::string::npos) << r.err;
}

} // namespace
