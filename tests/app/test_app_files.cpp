// flyorcall/files.hpp: reading inputs and writing results the way the command-line tool does.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "flyorcall/errors.hpp"
#include "flyorcall/files.hpp"
#include "flyorcall/messages.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flyorcall;

class AppFiles : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("flyorcall-app-files-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AppFiles, WriteThenReadBack) {
  const std::string path = (dir_ / "out.txt").string();
  write_output(path, "first\n");
  write_output(path, "second\n"); // replaced, not appended
  EXPECT_EQ(read_text_file(path), "second\n");
  EXPECT_TRUE(same_file(path, dir_ / "." / "out.txt"));
  EXPECT_FALSE(same_file(path, dir_ / "missing.txt"));
}

TEST_F(AppFiles, OutputIsOnlyCommittedWhenAsked) {
  const std::string path = (dir_ / "kept.txt").string();
  write_output(path, "old\n");
  {
    Output out(path);
    out.write("new\n");
  } // destroyed without commit(): the old file stays
  EXPECT_EQ(read_text_file(path), "old\n");
  Output out(path);
  out.write("new\n");
  out.commit();
  EXPECT_EQ(read_text_file(path), "new\n");
}

TEST_F(AppFiles, FilesInADirectory) {
  const std::string sub = (dir_ / "tables").string();
  write_files_in_directory(sub, {{"a.csv", "x\n"}, {"b.csv", "y\n"}});
  EXPECT_EQ(read_text_file(sub + "/a.csv"), "x\n");
  EXPECT_EQ(read_text_file(sub + "/b.csv"), "y\n");
}

TEST_F(AppFiles, StandardOutputAndUnreadableFiles) {
  EXPECT_TRUE(is_standard_output("-"));
  EXPECT_TRUE(is_standard_output("/dev/stdout"));
  EXPECT_FALSE(is_standard_output((dir_ / "x").string()));
  try {
    (void)read_text_file((dir_ / "missing.json").string());
    FAIL() << "a missing file was read";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].pointer, "");
    const std::string text = format_problems_text(e.problems(), "flyorcall");
    EXPECT_EQ(text.rfind("flyorcall: cannot read ", 0), 0u) << text;
  }
}

TEST(AppMessages, ProblemsAsJsonAndTerminalText) {
  EXPECT_EQ(problems_to_json({{"/a", "bad"}}),
            R"({"code":2,"error":"input","problems":[{"pointer":"/a","message":"bad"}]})");
  EXPECT_EQ(terminal_text("a\x1b[31mb"), "a\\u001b[31mb");
}

} // namespace
