#include "app.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <ostream>
#include <set>

#include "audit_command.hpp"
#include "cel_command.hpp"
#include "chartproof/baseline.hpp"
#include "chartproof/chart.hpp"
#include "chartproof/engine.hpp"
#include "chartproof/formats.hpp"
#include "chartproof/policy.hpp"
#include "chartproof/report.hpp"
#include "chartproof/request.hpp"
#include "chartproof/suggest.hpp"
#include "chartproof/version.hpp"
#include "cli_support.hpp"
#include "completion.hpp"
#include "fix_command.hpp"
#include "lsp_command.hpp"
#include "request_flags.hpp"

namespace chartproof::cli {
namespace {

constexpr int kExitUsage = 2;

// Where rule configuration comes from: --profile, then each --policy on top (later wins); with
// neither, .chartproof.yaml in the current folder or a parent; else the recommended profile.
Expected<Policy> resolve_policy(LintRequest request, const std::shared_ptr<const RuleCatalogue>& catalogue) {
  request.catalogue = catalogue;
  return request_policy(request);
}

// A linter for a policy, knowing the rules of the environment's catalogue (the --pack packs).
Expected<Linter> linter_for(const Policy& policy, const Environment& env) {
  LintOptions options = options_from_policy(policy);
  options.catalogue = env.catalogue;
  return Linter::create(options);
}

// The effective policy and a linter for it; on error, prints it and returns nullopt (exit 2).
struct PolicyAndLinter {
  Policy policy;
  Linter linter;
};
std::optional<PolicyAndLinter> policy_and_linter(const LintRequest& request, const Environment& env) {
  std::ostream& err = env.err;
  auto policy = resolve_policy(request, env.catalogue);
  if (!policy) {
    err << "chartproof: " << policy.error().to_string() << "\n";
    return std::nullopt;
  }
  auto linter = linter_for(policy.value(), env);
  if (!linter) {
    err << "chartproof: " << linter.error().to_string() << "\n";
    return std::nullopt;
  }
  return PolicyAndLinter{std::move(policy.value()), std::move(linter.value())};
}

struct LintArgs {
  LintRequest request;  // the paths; the rest comes from `flags`
  RequestFlags flags;   // the request options (chartproof/request_options.hpp)
  std::vector<std::string> formats;
  std::string output;
  bool quiet = false;
  bool summary = false;
  std::string fail_on = "error";
  std::string color = "auto";
  std::string write_baseline;
};

int run_lint(const LintArgs& a, Environment& env) {
  LintRequest request = a.request;
  request.catalogue = env.catalogue;
  if (auto wrong = a.flags.apply(request)) {
    env.err << "chartproof: " << *wrong << "\n";
    return kExitUsage;
  }
  if (request.charts_of && enclosing_charts(request.paths).empty()) {
    env.out << "no chart folder among the given files\n";
    return 0;
  }
  // Each --format is NAME or NAME=FILE; at most one goes to standard output (or to --output).
  auto targets = format_targets(a.formats, a.output, format_names(kFormatLint), env.err);
  if (!targets) return kExitUsage;
  auto linted = lint_request(request);
  if (!linted) {
    env.err << "chartproof: " << linted.error().to_string() << "\n";
    return kExitUsage;
  }
  const LintReport& report = linted.value();
  // Writes one format to a stream (chartproof/formats.hpp picks the writer).
  auto write = [&](const std::string& format, std::ostream& out, bool terminal) {
    WriteOptions options;
    options.color = terminal && (a.color == "always" || (a.color == "auto" && env.stdout_is_terminal && !env.no_color));
    options.quiet = a.quiet;
    options.summary = a.summary;
    options.fail_on = a.fail_on == "never" ? std::nullopt : parse_severity(a.fail_on);
    options.base_dir = std::filesystem::current_path().string();
    write_report(report, format, options, out);
  };
  for (const auto& t : *targets) {
    if (t.file.empty()) {
      write(t.format, env.out, true);
      continue;
    }
    if (!write_whole_file(t.file, [&](std::ostream& out) { write(t.format, out, false); })) {
      env.err << "chartproof: " << t.file << ": cannot write the " << t.format << " report\n";
      return kExitUsage;
    }
  }
  for (const auto& note : report.notes) env.err << "chartproof: note: " << note.to_string() << "\n";
  // A chart helm could not render fails the run after the others' findings were written.
  for (const auto& e : report.errors) env.err << "chartproof: " << e.to_string() << "\n";
  if (!report.errors.empty()) {
    if (!a.write_baseline.empty()) env.err << "chartproof: the baseline was not written: not every input was linted\n";
    return kExitUsage;
  }
  // --write-baseline records every finding of the run (those an older baseline held too), and the
  // run passes: the baseline is what the gate compares with from now on.
  if (!a.write_baseline.empty()) {
    std::vector<Finding> all = baseline_findings(report);
    if (!write_whole_file(a.write_baseline, [&](std::ostream& out) { out << format_baseline(all); })) {
      env.err << "chartproof: " << a.write_baseline << ": cannot write the baseline\n";
      return kExitUsage;
    }
    env.err << "chartproof: wrote " << all.size() << (all.size() == 1 ? " finding" : " findings") << " to the baseline "
            << a.write_baseline << "\n";
    return 0;
  }
  if (a.fail_on == "never") return 0;
  return report.ok(*parse_severity(a.fail_on)) ? 0 : 1;
}

}  // namespace

int run(const std::vector<std::string>& args, Environment env) {
  CLI::App app{"chartproof: lint Kubernetes manifests rendered from Helm charts", "chartproof"};
  app.set_version_flag("--version", "chartproof " + std::string(version()));
  app.require_subcommand(1);

  LintArgs lint;
  CLI::App* lint_cmd = app.add_subcommand("lint", "Lint rendered manifests (files, directories, or - for stdin)");
  lint_cmd->add_option("paths", lint.request.paths,
                       "Files, directories (*.yaml, *.yml, recursively), - for stdin, or remote charts "
                       "(oci://HOST/REPO/CHART, https://REPO_URL/CHART, REPO/CHART)");
  lint_cmd
      ->add_option("--format", lint.formats,
                   "Output format: " + format_name_list(kFormatLint) + "; NAME=FILE writes to a file (repeatable)")
      ->allow_extra_args(false);
  lint_cmd->add_option("--output,-o", lint.output, "Write the report to this file instead of standard output");
  lint_cmd->add_flag("--quiet,-q", lint.quiet,
                     "Text: one line per finding, naming its object (no code frame or totals)");
  lint_cmd->add_flag("--summary", lint.summary, "Text: add counts per rule and severity");
  lint_cmd->add_option("--write-baseline", lint.write_baseline,
                       "Record every finding of this run in a baseline file and exit 0 (adopting chartproof on a "
                       "chart that has findings)");
  lint_cmd->add_option("--fail-on", lint.fail_on, "Exit 1 when a finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  lint.flags.add(lint_cmd, kUseLint);
  lint_cmd->add_option("--color", lint.color, "Colour in text output (never when NO_COLOR is set, for auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  AuditArgs audit;
  CLI::App* audit_cmd = add_audit_command(app, audit);
  FixArgs fix;
  CLI::App* fix_cmd = add_fix_command(app, fix);
  LspArgs lsp;
  CLI::App* lsp_cmd = add_lsp_command(app, lsp);

  std::string rules_format = "text";
  LintRequest rules_policy;
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule (markdown: the docs/rules.md reference)");
  // --format only: -f is a values file in `lint`, and means nothing else anywhere.
  rules_cmd->add_option("--format", rules_format, "Output format: " + format_name_list(kFormatRules))
      ->check(CLI::IsMember(format_names(kFormatRules)))
      ->capture_default_str();
  rules_cmd->add_option("--policy", rules_policy.policy_files, "Also list the custom rules of these policy files")
      ->allow_extra_args(false);

  std::string explain_id;
  LintRequest explain_policy;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Explain a rule, with a failing and a passing example");
  explain_cmd->add_option("rule", explain_id, "Rule id")->required();
  explain_cmd->add_option("--policy", explain_policy.policy_files, "Policy files whose custom rules may be explained")
      ->allow_extra_args(false);

  CLI::App* policy_cmd = app.add_subcommand("policy", "Show the effective policy, or check a policy file");
  policy_cmd->require_subcommand(1);
  RequestFlags show_flags;
  CLI::App* show_cmd = policy_cmd->add_subcommand("show", "Print every enabled rule with its severity and parameters");
  show_flags.add(show_cmd, kUsePolicyShow);
  std::string check_file;
  CLI::App* check_cmd = policy_cmd->add_subcommand("check", "Validate a policy file (exit 0 valid, 2 invalid)");
  check_cmd->add_option("file", check_file, "Policy file")->required();

  CelArgs cel_args;
  CLI::App* cel_cmd = add_cel_command(app, cel_args);

  CLI::App* version_cmd = app.add_subcommand("version", "Print the version (as --version)");
  std::string shell;
  CLI::App* completion_cmd =
      app.add_subcommand("completion", "Print a shell completion script: source <(chartproof completion bash)");
  completion_cmd->add_option("shell", shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));

  // The console script consumed --pack before this parse; the option is here for --help only.
  std::vector<std::string> packs_shown;
  if (env.pack_option) {
    for (CLI::App* cmd : {lint_cmd, audit_cmd, rules_cmd, explain_cmd, show_cmd}) {
      cmd->add_option("--pack", packs_shown,
                      "Python rule pack MODULE:ATTR to add (repeatable; console script and python -m chartproof)")
          ->allow_extra_args(false);
    }
  }

  // A mistyped subcommand gets a suggestion instead of CLI11's "A subcommand is required".
  if (!args.empty() && !args.front().empty() && args.front().front() != '-') {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), args.front()) == names.end()) {
      env.err << "chartproof: unknown command \"" << args.front() << "\"" << did_you_mean(args.front(), names)
              << "; commands: ";
      for (std::size_t i = 0; i < names.size(); ++i) env.err << (i ? ", " : "") << names[i];
      env.err << "\n";
      return kExitUsage;
    }
  }

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    env.out << app.help();  // delegates to the subcommand that got --help
    return 0;
  } catch (const CLI::CallForVersion&) {
    env.out << "chartproof " << version() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help for the failing subcommand; we keep a one-line error and usage exit code.
    if (e.get_exit_code() == 0) {
      env.out << app.help();
      return 0;
    }
    env.err << "chartproof: " << e.what() << "\nRun 'chartproof --help' for usage.\n";
    return kExitUsage;
  }

  if (*version_cmd) {
    env.out << "chartproof " << version() << "\n";
    return 0;
  }
  if (*lint_cmd) return run_lint(lint, env);
  if (*audit_cmd) return run_audit_command(audit, env);
  if (*fix_cmd) return run_fix_command(fix, env);
  if (*lsp_cmd) return run_lsp_command(lsp, env);
  if (*cel_cmd) return run_cel_command(cel_args, env);
  if (*completion_cmd) {
    const RuleCatalogue& catalogue = env.catalogue ? *env.catalogue : *RuleCatalogue::builtin();
    CompletionWords words;
    std::set<std::string> packs;
    for (const RuleDefinition* def : catalogue.rules()) {
      words.rules.push_back(def->meta.id);
      packs.insert(def->meta.pack);
    }
    words.packs.assign(packs.begin(), packs.end());
    words.profiles = builtin_profile_names();
    for (const auto& pack : catalogue.packs()) {
      for (const auto& [name, text] : pack.profiles) words.profiles.push_back(name);
    }
    env.out << completion_script(shell, app, words);
    return 0;
  }
  if (*rules_cmd) {
    std::vector<RuleDefinition> rules;
    const RuleCatalogue& catalogue = env.catalogue ? *env.catalogue : *RuleCatalogue::builtin();
    for (const RuleDefinition* def : catalogue.rules()) rules.push_back(*def);
    if (!rules_policy.policy_files.empty()) {
      auto resolved = policy_and_linter(rules_policy, env);
      if (!resolved) return kExitUsage;
      auto defs = resolved->linter.definitions();
      for (std::size_t i = rules.size(); i < defs.size(); ++i) rules.push_back(*defs[i]);
    }
    write_rules(rules, rules_format, env.out);
    return 0;
  }
  if (*explain_cmd) {
    auto resolved = policy_and_linter(explain_policy, env);
    if (!resolved) return kExitUsage;
    std::vector<std::string> ids;
    for (const RuleDefinition* def : resolved->linter.definitions()) {
      if (def->meta.id == explain_id) {
        env.out << format_explain(*def);
        return 0;
      }
      ids.push_back(def->meta.id);
    }
    env.err << "chartproof: unknown rule \"" << explain_id << "\"" << did_you_mean(explain_id, ids)
            << "; `chartproof rules` lists them\n";
    return kExitUsage;
  }
  if (*show_cmd || *check_cmd) {
    LintRequest show_request;
    if (auto wrong = show_flags.apply(show_request)) {
      env.err << "chartproof: " << *wrong << "\n";
      return kExitUsage;
    }
    Expected<Policy> policy =
        *check_cmd ? load_policy_file(check_file, env.catalogue.get()) : resolve_policy(show_request, env.catalogue);
    if (!policy) {
      env.err << "chartproof: " << policy.error().to_string() << "\n";
      return kExitUsage;
    }
    auto linter = linter_for(policy.value(), env);
    if (!linter) {
      env.err << "chartproof: " << (*check_cmd ? check_file + ": " : std::string()) << linter.error().to_string()
              << "\n";
      return kExitUsage;
    }
    if (*check_cmd) {
      env.out << check_file << ": valid (" << policy->rules.size() << " rules configured, " << policy->exemptions.size()
              << " exemptions, " << policy->custom_rules.size() << " custom rules)\n";
    } else {
      env.out << format_effective_policy(*linter, policy.value());
    }
    return 0;
  }
  return kExitUsage;
}

}  // namespace chartproof::cli
