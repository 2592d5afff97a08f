#pragma once
// The CLI's flags for the request options of one command, made from the library's one table
// (chartproof/request_options.hpp): the flag names, help, choices and defaults come from there, and
// what was given on the command line goes into a LintRequest through the table's setters.

#include <CLI/CLI.hpp>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "chartproof/request_options.hpp"

namespace chartproof::cli {

class RequestFlags {
 public:
  /// Adds a flag for every option of the table whose use has a bit of `use`.
  void add(CLI::App* command, unsigned use);
  /// Sets each option given on the command line; what is wrong with a value, naming its flag.
  [[nodiscard]] std::optional<std::string> apply(LintRequest& request) const;

 private:
  // Where CLI11 parses one option's value; the slot of the option's type is used.
  struct Slot {
    const RequestOption* option = nullptr;
    CLI::Option* flag = nullptr;
    bool on = false;
    std::string text;
    std::vector<std::string> list;
    unsigned count = 0;
  };
  std::deque<Slot> slots_;  // a deque: CLI11 keeps pointers into the slots
};

}  // namespace chartproof::cli
