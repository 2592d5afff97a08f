#include "request_flags.hpp"

namespace chartproof::cli {

void RequestFlags::add(CLI::App* command, unsigned use) {
  for (const RequestOption& option : option_table()) {
    if ((option.use & use) == 0 || (option.use & kUseNoFlag) != 0) continue;
    Slot& slot = slots_.emplace_back();
    slot.option = &option;
    const std::string flags(option.flags);
    const std::string help(option.help);
    switch (option.type) {
      case OptionType::Flag:
        slot.flag = command->add_flag(flags, slot.on, help);
        break;
      case OptionType::Text:
      case OptionType::OptionalText:
        slot.flag = command->add_option(flags, slot.text, help);
        break;
      case OptionType::TextList:
        // One value per flag, so `--enable a file.yaml` does not swallow the file.
        slot.flag = command->add_option(flags, slot.list, help)->allow_extra_args(false);
        break;
      case OptionType::Count:
        slot.flag = command->add_option(flags, slot.count, help);
        break;
    }
    if (!option.choices.empty()) {
      slot.flag->check(CLI::IsMember(std::vector<std::string>(option.choices.begin(), option.choices.end())));
    }
    if (option.type == OptionType::Text || option.type == OptionType::Count) {
      if (std::string shown = option_default_text(option); !shown.empty()) slot.flag->default_str(shown);
    }
  }
}

std::optional<std::string> RequestFlags::apply(LintRequest& request) const {
  for (const Slot& slot : slots_) {
    if (slot.flag->count() == 0) continue;
    OptionValue value;
    switch (slot.option->type) {
      case OptionType::Flag:
        value = slot.on;
        break;
      case OptionType::Text:
      case OptionType::OptionalText:
        value = slot.text;
        break;
      case OptionType::TextList:
        value = slot.list;
        break;
      case OptionType::Count:
        value = slot.count;
        break;
    }
    if (auto wrong = slot.option->set(request, value)) return slot.flag->get_name() + ": " + *wrong;
  }
  return std::nullopt;
}

}  // namespace chartproof::cli
