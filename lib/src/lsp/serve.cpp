// The server's transport (chartproof/lsp.hpp): frames in from a descriptor, bodies to the server,
// its answers framed out; linting when the client has been quiet for a moment.
#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "chartproof/lsp.hpp"
#include "lsp/frame_reader.hpp"
#include "lsp/json_text.hpp"
#include "lsp/language_server.hpp"

namespace chartproof {
namespace {

// How long the client must be quiet before a changed document is linted: long enough that the
// didChange messages of one burst (already in the pipe) are all read first, short enough that a
// manifest's diagnostics follow an edit within ~20 ms. An edit that arrives while a lint runs
// cancels that unit's part of it (its helm is killed); the newest text is linted after.
constexpr int kQuietMilliseconds = 10;
// How often the loop looks whether a running lint has ended, while no message arrives.
constexpr int kLintCheckMilliseconds = 2;

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

int serve_language_server(int in, int out, std::ostream& log) {
  lsp::FrameReader reader;
  lsp::LanguageServer server;
  auto send = [&](const std::vector<std::string>& bodies) {
    for (const auto& body : bodies) {
      if (!write_all(out, lsp::frame(body))) return false;
    }
    return true;
  };
  std::string chunk(std::size_t{64} * 1024, '\0');
  for (;;) {
    while (auto message = reader.next()) {
      if (!*message) {
        log << "chartproof lsp: " << message->error().message << "\n";
        continue;
      }
      if (!send(server.handle(message->value()))) return 1;
      if (server.exited()) return server.exit_code();
    }
    if (server.lint_finished() && !send(server.finish_lint())) return 1;
    // While a lint runs (on its own thread), messages are still read and answered; an edit of a
    // unit it lints cancels that part. Its end is noticed within kLintCheckMilliseconds.
    pollfd ready{in, POLLIN, 0};
    const int wait = server.lint_running() ? kLintCheckMilliseconds : server.lint_due() ? kQuietMilliseconds : -1;
    const int polled = ::poll(&ready, 1, wait);
    if (polled < 0 && errno == EINTR) continue;
    if (polled == 0) {
      if (!server.lint_running() && server.lint_due() && !send(server.start_lint())) return 1;
      continue;
    }
    const ssize_t n = ::read(in, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 1;  // the client went away without `exit`
    reader.feed(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
  }
}

}  // namespace chartproof
