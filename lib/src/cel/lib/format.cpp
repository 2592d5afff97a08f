// Kubernetes' format library (k8s.io/apiserver/pkg/cel/library/format.go, from 1.31): named
// string formats (`format.dns1123Label()`, `format.named('uuid')`) whose validate(s) gives
// optional.none() for a valid string, else the API server's messages.
#include <re2/re2.h>

#include <array>
#include <memory>
#include <string>

#include "cel/lib/urls.hpp"
#include "cel/library.hpp"
#include "cel/time.hpp"
#include "support/api_formats.hpp"
#include "support/base64.hpp"

namespace chartproof::cel {
namespace {

using Messages = std::vector<std::string>;

// NameIsDNSLabel(s, prefix) and friends: a prefix (generateName) masks a trailing '-'.
std::string masked(std::string_view s, bool prefix) {
  std::string out(s);
  if (prefix && out.size() > 1 && out.back() == '-') out.back() = 'a';
  return out;
}

bool valid_date(std::string_view s) {
  // RFC 3339 full-date, a real day of a real month (Go's time.Parse("2006-01-02")).
  static const RE2 kDate(R"((\d{4})-(\d{2})-(\d{2}))");
  int year = 0, month = 0, day = 0;
  if (!RE2::FullMatch(s, kDate, &year, &month, &day) || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && !leap ? 28 : kDays[static_cast<std::size_t>(month - 1)]);
}

struct NamedFormat {
  std::string_view name;  ///< the name format.named() takes
  Messages (*validate)(std::string_view);
};

const std::array kFormats = {
    NamedFormat{"dns1123Label", [](std::string_view s) { return support::dns1123_label(s); }},
    NamedFormat{"dns1123Subdomain", [](std::string_view s) { return support::dns1123_subdomain(s); }},
    NamedFormat{"dns1035Label", [](std::string_view s) { return support::dns1035_label(s); }},
    NamedFormat{"qualifiedName", [](std::string_view s) { return support::qualified_name(s); }},
    NamedFormat{"dns1123LabelPrefix", [](std::string_view s) { return support::dns1123_label(masked(s, true)); }},
    NamedFormat{"dns1123SubdomainPrefix",
                [](std::string_view s) { return support::dns1123_subdomain(masked(s, true)); }},
    NamedFormat{"dns1035LabelPrefix", [](std::string_view s) { return support::dns1035_label(masked(s, true)); }},
    NamedFormat{"labelValue", [](std::string_view s) { return support::label_value(s); }},
    NamedFormat{"uri",
                [](std::string_view s) {
                  std::string problem;
                  return parse_url(s, problem) ? Messages{} : Messages{problem};
                }},
    NamedFormat{"uuid",
                [](std::string_view s) {
                  static const RE2 kUuid("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
                  return RE2::FullMatch(s, kUuid) ? Messages{} : Messages{"does not match the UUID format"};
                }},
    NamedFormat{"byte",
                [](std::string_view s) { return support::decode_base64(s) ? Messages{} : Messages{"invalid base64"}; }},
    NamedFormat{"date", [](std::string_view s) { return valid_date(s) ? Messages{} : Messages{"invalid date"}; }},
    NamedFormat{
        "datetime",
        [](std::string_view s) { return parse_timestamp(s).is_error() ? Messages{"invalid datetime"} : Messages{}; }},
};

class FormatValue final : public Opaque {
 public:
  explicit FormatValue(const NamedFormat& f) : format(f) {}
  std::string_view type() const override { return "kubernetes.NamedFormat"; }
  bool equals(const Opaque& other) const override {
    return format.name == static_cast<const FormatValue&>(other).format.name;
  }
  std::string literal() const override { return "format." + std::string(format.name) + "()"; }
  const NamedFormat& format;
};

const NamedFormat* find(std::string_view name) {
  for (const auto& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Value make(const NamedFormat& f) { return Value(OpaquePtr(std::make_shared<const FormatValue>(f))); }

}  // namespace

std::optional<Value> format_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  context.cost += 1;
  if (!call.receiver && call.name.starts_with("format.")) {
    const std::string_view name = call.name.substr(7);
    if (name == "named" && a.size() == 1 && a[0].as<std::string>()) {
      const NamedFormat* f = find(*a[0].as<std::string>());
      return f ? Value(Optional{std::make_shared<const Value>(make(*f))}) : Value(Optional{});
    }
    if (const NamedFormat* f = find(name); f && a.empty()) return make(*f);
    return std::nullopt;
  }
  if (call.name == "validate" && call.receiver && a.size() == 2 && a[1].as<std::string>()) {
    const FormatValue* f = a[0].opaque<FormatValue>();
    if (!f) return std::nullopt;
    const std::string& s = *a[1].as<std::string>();
    context.cost += s.size() / 10;
    Messages problems = f->format.validate(s);
    if (problems.empty()) return Value(Optional{});
    List out(problems.begin(), problems.end());
    return Value(Optional{std::make_shared<const Value>(Value(std::move(out)))});
  }
  return std::nullopt;
}

}  // namespace chartproof::cel
