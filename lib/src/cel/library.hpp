#pragma once
// CEL's function libraries beyond the standard ones: the extensions Kubernetes enables, each from
// the Kubernetes minor version that enables it (k8s.io/apiserver/pkg/cel/environment/base.go), so
// an expression is judged by the CEL of the cluster it targets. The evaluator asks each enabled
// library in turn; a library answers the calls it defines and leaves the others.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cel/value.hpp"

namespace chartproof::cel {

/// What a library function may use besides its arguments.
struct CallContext {
  std::uint64_t& cost;      ///< the runtime cost meter: add what the call costs (sizes it walks)
  std::uint64_t limit = 0;  ///< the budget the meter may reach (0: none)
  /// Whether a call may still spend `units` (allocate that many values): checked before building a
  /// large result, so an expensive call stops with an error before it allocates.
  bool affordable(std::uint64_t units) const { return limit == 0 || (cost <= limit && units <= limit - cost); }
};

/// The error of a call that would exceed the cost budget.
inline Value over_budget() { return error("operation cancelled: actual cost limit exceeded"); }

/// One function call: `name` is qualified for a namespaced function (`sets.contains`), `receiver`
/// says whether args[0] was written before the dot (`'a'.indexOf(...)`).
struct Call {
  std::string_view name;
  std::span<const Value> args;
  bool receiver = false;
};

/// Answers a call to one of the library's functions; nullopt when it defines no such overload.
using LibraryFunction = std::optional<Value> (*)(const Call& call, CallContext& context);

struct Library {
  std::string_view name;  ///< as Kubernetes names it: "ext.Strings(2)", "library.Quantity", ...
  int introduced = 0;     ///< the Kubernetes 1.x minor version that enables it
  int removed = 0;        ///< the minor version that no longer has it; 0 when none
  LibraryFunction function;
};

/// The libraries, tried in this order.
std::span<const Library> libraries();

/// Whether `library` is enabled in Kubernetes 1.`minor` (0: the newest version, everything).
bool enabled(const Library& library, int minor);

/// Namespaces that qualify a function name (`sets.contains(a, b)`, `lists.range(3)`,
/// `format.dns1123Label()`): a call on one of these identifiers, unless a variable has the name.
bool is_function_namespace(std::string_view name);

/// `list` sorted by `keys` (one comparable key per element, all of one type): sort() and the
/// sortBy macro of ext.Lists.
Value sort_by_keys(const List& list, const List& keys);

/// The type names the libraries define (`type(ip('::1')) == net.IP`).
bool is_library_type(std::string_view name);

// The libraries (lib/src/cel/lib/*.cpp), one function each.
std::optional<Value> strings_library(const Call& call, CallContext& context);         // ext.Strings(0)
std::optional<Value> strings_format_library(const Call& call, CallContext& context);  // ext.Strings(2)
std::optional<Value> lists_library(const Call& call, CallContext& context);           // library.Lists
std::optional<Value> ext_lists_library(const Call& call, CallContext& context);       // ext.Lists(3)
std::optional<Value> sets_library(const Call& call, CallContext& context);            // ext.Sets
std::optional<Value> regex_library(const Call& call, CallContext& context);           // library.Regex
std::optional<Value> urls_library(const Call& call, CallContext& context);            // library.URLs
std::optional<Value> quantity_library(const Call& call, CallContext& context);        // library.Quantity
std::optional<Value> ip_library(const Call& call, CallContext& context);              // library.IP
std::optional<Value> cidr_library(const Call& call, CallContext& context);            // library.CIDR
std::optional<Value> format_library(const Call& call, CallContext& context);          // library.Format
std::optional<Value> semver_library(const Call& call, CallContext& context);          // library.SemverLib

}  // namespace chartproof::cel
