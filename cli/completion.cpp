// Shell completion scripts, generated from the CLI11 definition of the command line: the
// subcommands and options are the parser's own, and rule ids, packs and profiles come from the
// catalogue the CLI runs with (the console script's --pack adds Python rules to it).
#include "completion.hpp"
#include "chartproof/formats.hpp"

#include <CLI/CLI.hpp>

#include <map>
#include <sstream>

namespace chartproof::cli {
namespace {

// What an option's value completes to.
enum class Value : std::uint8_t { None, Free, File, Dir, Words };

struct OptionInfo {
  std::vector<std::string> names;  ///< --long and -s forms
  Value value = Value::None;
  std::string words;       ///< Value::Words: the candidates, space-separated
  std::string bash_words;  ///< the same for bash: a variable of the script for the long lists
  std::string description;
};

struct CommandInfo {
  std::string path;  ///< "lint", "policy show"
  std::string description;
  std::vector<OptionInfo> options;
  std::string positional;  ///< "files", "rules", "shells", or empty
  std::vector<std::string> subcommands;
};

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Option values the parser restricts (CLI::IsMember) or that name files, by long name.
OptionInfo describe(const CLI::Option& opt, const std::string& command, const CompletionWords& words) {
  OptionInfo info;
  for (const auto& l : opt.get_lnames()) info.names.push_back("--" + l);
  for (const auto& s : opt.get_snames()) info.names.push_back("-" + s);
  info.description = opt.get_description();
  if (opt.get_expected_min() == 0) return info;  // a flag
  const std::string name = opt.get_lnames().empty() ? std::string() : opt.get_lnames().front();
  static const std::map<std::string, std::string> kChoices = {
      {"fail-on", "error warning info never"},
      {"color", "auto always never"},
      {"schema-mode", "strict lenient"},
  };
  info.value = Value::Free;
  if (name == "format") {
    info.value = Value::Words;
    if (auto use = format_use(command)) info.words = join(format_names(*use));
  } else if (auto c = kChoices.find(name); c != kChoices.end()) {
    info.value = Value::Words;
    info.words = c->second;
  } else if (name == "enable" || name == "disable") {
    info.value = Value::Words;
    info.words = join(words.rules) + " " + join(words.packs);
    info.bash_words = "$rules $packs";
  } else if (name == "profile") {
    info.value = Value::Words;
    info.words = join(words.profiles);
    info.bash_words = "$profiles";
  } else if (name == "policy" || name == "baseline" || name == "write-baseline" || name == "values" ||
             name == "output" || name == "helm") {
    info.value = Value::File;
  } else if (name == "chart" || name == "schema-dir") {
    info.value = Value::Dir;
  }
  return info;
}

void collect(const CLI::App& app, const std::string& prefix, const CompletionWords& words,
             std::vector<CommandInfo>& out) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    CommandInfo cmd;
    cmd.path = prefix.empty() ? sub->get_name() : prefix + " " + sub->get_name();
    cmd.description = sub->get_description();
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_positional()) {
        cmd.positional = sub->get_name() == "explain" ? "rules" : sub->get_name() == "completion" ? "shells" : "files";
        continue;
      }
      cmd.options.push_back(describe(*opt, sub->get_name(), words));
    }
    for (const CLI::App* nested : sub->get_subcommands({})) cmd.subcommands.push_back(nested->get_name());
    out.push_back(cmd);
    collect(*sub, cmd.path, words, out);
  }
}

std::string bash_script(const std::vector<CommandInfo>& commands, const CompletionWords& words) {
  std::ostringstream s;
  std::vector<std::string> top;
  for (const auto& c : commands) {
    if (c.path.find(' ') == std::string::npos) top.push_back(c.path);
  }
  s << "# bash completion for chartproof (chartproof completion bash). Load it with\n"
       "#   source <(chartproof completion bash)\n"
       "# or save it as ~/.local/share/bash-completion/completions/chartproof.\n"
       "_chartproof() {\n"
       "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd='' i\n"
       "  local rules='"
    << join(words.rules) << "'\n  local packs='" << join(words.packs) << "'\n  local profiles='" << join(words.profiles)
    << "'\n  local shells='bash zsh fish'\n"
    << "  # The command is the subcommand words before the cursor (`policy show`), options skipped.\n"
       "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
       "    case ${COMP_WORDS[i]} in\n"
       "      -*) ;;\n"
       "      *) case \"${cmd:+$cmd }${COMP_WORDS[i]}\" in\n";
  for (const auto& c : commands) s << "           '" << c.path << "') cmd=\"" << c.path << "\" ;;\n";
  s << "         esac ;;\n"
       "    esac\n"
       "  done\n"
       "  local opts='--help --version' words='"
    << join(top)
    << "' positional=''\n"
       "  case $cmd in\n";
  for (const auto& c : commands) {
    std::vector<std::string> names;
    for (const auto& o : c.options) names.insert(names.end(), o.names.begin(), o.names.end());
    s << "    '" << c.path << "')\n      opts='" << join(names) << "' words='" << join(c.subcommands)
      << "' positional='" << c.positional << "'\n";
    // The value of the option before the cursor.
    s << "      case $prev in\n";
    for (const auto& o : c.options) {
      if (o.value == Value::None) continue;
      s << "        ";
      for (std::size_t i = 0; i < o.names.size(); ++i) s << (i ? "|" : "") << o.names[i];
      switch (o.value) {
        case Value::Words:
          s << ") COMPREPLY=($(compgen -W \"" << (o.bash_words.empty() ? o.words : o.bash_words)
            << "\" -- \"$cur\")); return ;;\n";
          break;
        case Value::File:
          s << ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
          break;
        case Value::Dir:
          s << ") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n";
          break;
        default:
          s << ") return ;;\n";
      }
    }
    s << "      esac ;;\n";
  }
  s << "  esac\n"
       "  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return; fi\n"
       "  if [ -n \"$words\" ]; then COMPREPLY=($(compgen -W \"$words\" -- \"$cur\")); return; fi\n"
       "  case $positional in\n"
       "    rules) COMPREPLY=($(compgen -W \"$rules\" -- \"$cur\")) ;;\n"
       "    shells) COMPREPLY=($(compgen -W \"$shells\" -- \"$cur\")) ;;\n"
       "    files) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
       "  esac\n"
       "}\n"
       "complete -o filenames -F _chartproof chartproof\n";
  return s.str();
}

std::string fish_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string fish_script(const std::vector<CommandInfo>& commands, const CompletionWords& words) {
  std::ostringstream s;
  s << "# fish completion for chartproof (chartproof completion fish). Load it with\n"
       "#   chartproof completion fish | source\n"
       "# or save it as ~/.config/fish/completions/chartproof.fish.\n"
       "complete -c chartproof -f\n";
  std::vector<std::string> top;
  for (const auto& c : commands) {
    if (c.path.find(' ') == std::string::npos) top.push_back(c.path);
  }
  for (const auto& c : commands) {
    auto space = c.path.find(' ');
    if (space == std::string::npos) {
      s << "complete -c chartproof -n '__fish_use_subcommand' -a " << c.path << " -d " << fish_quote(c.description)
        << "\n";
    } else {
      const std::string parent = c.path.substr(0, space);
      const std::string name = c.path.substr(space + 1);
      s << "complete -c chartproof -n '__fish_seen_subcommand_from " << parent
        << "; and not __fish_seen_subcommand_from " << name << "' -a " << name << " -d " << fish_quote(c.description)
        << "\n";
    }
    const std::string last = c.path.substr(c.path.rfind(' ') == std::string::npos ? 0 : c.path.rfind(' ') + 1);
    const std::string when = "-n '__fish_seen_subcommand_from " + last + "'";
    for (const auto& o : c.options) {
      s << "complete -c chartproof " << when;
      for (const auto& n : o.names) s << (n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1));
      switch (o.value) {
        case Value::Words:
          s << " -x -a " << fish_quote(o.words);
          break;
        case Value::File:
          s << " -r -F";
          break;
        case Value::Dir:
          s << " -x -a '(__fish_complete_directories)'";
          break;
        case Value::Free:
          s << " -x";
          break;
        case Value::None:
          break;
      }
      s << " -d " << fish_quote(o.description.substr(0, o.description.find(';'))) << "\n";
    }
    if (c.positional == "rules")
      s << "complete -c chartproof " << when << " -x -a " << fish_quote(join(words.rules)) << "\n";
    if (c.positional == "shells") s << "complete -c chartproof " << when << " -x -a 'bash zsh fish'\n";
    if (c.positional == "files") s << "complete -c chartproof " << when << " -F\n";
  }
  return s.str();
}

}  // namespace

std::string completion_script(const std::string& shell, const CLI::App& app, const CompletionWords& words) {
  std::vector<CommandInfo> commands;
  collect(app, "", words, commands);
  if (shell == "bash") return bash_script(commands, words);
  // zsh runs the bash function through its bash-completion layer (bashcompinit).
  if (shell == "zsh") {
    return "#compdef chartproof\n# zsh completion for chartproof (chartproof completion zsh). Load it with\n"
           "#   source <(chartproof completion zsh)\nautoload -U +X compinit && compinit\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash_script(commands, words);
  }
  if (shell == "fish") return fish_script(commands, words);
  return "";
}

}  // namespace chartproof::cli
