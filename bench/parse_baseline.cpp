// Baseline for bench/run.sh: parse a YAML stream with yaml-cpp's event API and do nothing else.
// chartproof's single-threaded lint is measured against this (target: >= 70% of its throughput).
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>

#include "read_input.hpp"

namespace {

// Counts events so the compiler cannot drop the parse.
class CountingHandler : public YAML::EventHandler {
 public:
  std::size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }
};

}  // namespace

int main(int argc, char** argv) {
  auto input = bench::read_input(argc, argv, "parse_baseline");
  if (!input) return 2;
  const std::string& data = *input;
  auto start = std::chrono::steady_clock::now();
  std::istringstream stream(data);
  YAML::Parser parser(stream);
  CountingHandler handler;
  std::size_t documents = 0;
  while (parser.HandleNextDocument(handler)) ++documents;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu bytes %zu documents %zu events %.3f s\n", data.size(), documents, handler.events, seconds);
  return 0;
}
