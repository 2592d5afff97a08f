#pragma once
// The language server's state and its answer to each message (docs/editors.md): open documents,
// the lint unit each belongs to (its chart folder, or itself), the diagnostics published, and the
// settings (profile, policy files, values files, Kubernetes version, helm). Transport-free: it
// takes message bodies and returns the bodies to send, so the tests and the fuzz target drive it
// without a process; serve.cpp reads and writes the frames.
#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "chartproof/request.hpp"
#include "lsp/unit_lint.hpp"

namespace chartproof::lsp {

struct Diagnostic {
  std::uint32_t line = 0;            ///< 0-based, as the protocol counts
  std::uint32_t start = 0, end = 0;  ///< UTF-16 code units on that line
  int severity = 1;                  ///< 1 error, 2 warning, 3 information
  std::string rule;
  std::string message;
  ResourceRef resource;  ///< the object the finding is about (kind empty: none)
};

class LanguageServer {
 public:
  /// `lint` false: documents are tracked and answered, never linted (the fuzz target).
  explicit LanguageServer(bool lint = true) : lint_(lint) {}

  /// One message body from the client; the bodies of the messages to send back, in order.
  std::vector<std::string> handle(std::string_view body);

  ~LanguageServer();
  LanguageServer(const LanguageServer&) = delete;
  LanguageServer& operator=(const LanguageServer&) = delete;

  /// Whether an edit is waiting to be linted (serve.cpp lints after a quiet moment, so a burst of
  /// keystrokes is linted once, at its last version).
  bool lint_due() const { return !dirty_.empty(); }
  /// Lints every unit with an edit since its last lint, and waits for it; the publishDiagnostics
  /// to send (start_lint, then finish_lint).
  std::vector<std::string> lint_dirty();
  /// Starts linting the units with an edit since their last lint on another thread, from a copy of
  /// the open buffers, so messages are answered meanwhile; an edit, a closed file or new settings
  /// for one of them cancels its part (a running helm is killed) and it is linted again after.
  /// Returns what can be sent at once (policy files' diagnostics).
  std::vector<std::string> start_lint();
  /// Whether a lint started by start_lint() is running, and whether it has ended.
  bool lint_running() const { return job_ != nullptr; }
  bool lint_finished() const;
  /// Waits for the running lint; the publishDiagnostics of its parts that were not cancelled.
  std::vector<std::string> finish_lint();

  bool exited() const { return exited_; }
  /// 0 after shutdown then exit; 1 for an exit without shutdown (the protocol's rule).
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Unit {
    LintUnit unit;
    std::set<std::string> published;  ///< files it published diagnostics for (cleared when gone)
    std::map<std::string, std::vector<Diagnostic>> diagnostics;
    std::vector<Finding> fixed;             ///< the last code-action run's findings with their kept fixes
    std::optional<std::uint64_t> fixed_at;  ///< edit_count_ when `fixed` was computed
    std::shared_ptr<const Linter> linter;   ///< kept while the settings and policy files stay
    std::string linter_stamp;               ///< linter_stamp() when `linter` was made
  };
  // A lint running on another thread: what it lints, from copies, and each unit's result.
  struct LintJob {
    struct Part {
      LintUnit unit;
      std::shared_ptr<const Linter> linter;
      std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>>(false);
      UnitLint result;
    };
    std::vector<Part> parts;
    std::map<std::string, std::string> documents;
    LintRequest base;
    std::future<void> done;
  };
  /// Every unit linted again with a new linter (the settings or a policy changed).
  void relint_all();
  /// Marks a unit to be linted, and cancels its part of the running lint.
  void mark_dirty(const std::string& root);
  /// Cancels the running lint's part for `root` (every part when `root` is empty).
  void cancel_lint(const std::string& root);
  /// The publishDiagnostics of a unit's lint result (its diagnostics kept for hover and code actions).
  std::vector<std::string> publish_result(Unit& u, const UnitLint& result);

  std::vector<std::string> on_request(std::string_view method, const std::string& id, const rapidjson::Value* params);
  std::vector<std::string> on_notification(std::string_view method, const rapidjson::Value* params);
  void open(const std::string& path, std::string text);
  Unit* unit_of(const std::string& path);
  /// The text the editor shows for `path`: its open buffer, else the file on disk (read into
  /// `read` once), else empty.
  std::string_view shown_text(const std::string& path, std::map<std::string, std::string>& read) const;
  std::string policy_diagnostics(const std::string& path);
  std::string hover(const std::string& path, std::uint32_t line, std::uint32_t character) const;
  std::string code_actions(const std::string& path, std::uint32_t first, std::uint32_t last);
  void configure(const rapidjson::Value* settings);
  /// The policy file an exemption for `unit` goes to: the last policy file of the settings, else
  /// the `.chartproof.yaml` the unit discovers or would discover; none when a profile is set
  /// without policy files (a discovered file would not be read).
  std::optional<std::string> exemption_policy_file(const LintUnit& unit) const;
  /// What a unit's kept linter depends on beyond the settings: the date (exemptions expire) and the
  /// size and modification time of its policy files (changed outside the editor too). The linter
  /// is made again when it changes.
  std::string linter_stamp(const LintUnit& unit) const;
  /// The policy files a unit's lint reads (request_policy_files with the unit's working folder).
  std::vector<std::string> policy_files(const LintUnit& unit) const;
  void refresh_linter(Unit& unit) const;

  bool lint_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool client_creates_files_ = false;  ///< workspace edits may create files (resourceOperations)
  std::uint64_t edit_count_ = 0;
  LintRequest base_;
  std::map<std::string, std::string> documents_;  ///< open files: path → text
  std::map<std::string, Unit> units_;             ///< by root
  std::set<std::string> dirty_;                   ///< roots to lint
  std::unique_ptr<LintJob> job_;                  ///< the running lint, if any
};

}  // namespace chartproof::lsp
