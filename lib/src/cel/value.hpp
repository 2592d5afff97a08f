#pragma once
// CEL values (cel-spec langdef.md, "Values"): null, bool, int, uint, double, string, bytes, list,
// map, type, optional — and errors, which are values in CEL: they propagate through expressions
// and `&&`/`||` may absorb them.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace chartproof::cel {

struct Value;
using List = std::vector<Value>;
using MapEntries = std::vector<std::pair<Value, Value>>;  // insertion order; keys unique

struct Null {};
struct Bytes {
  std::string data;
};
struct TypeName {
  std::string name;  ///< int, uint, double, bool, string, bytes, list, map, null_type, type, optional_type
};
struct Error {
  std::string message;
};
struct Optional {
  std::shared_ptr<const Value> value;  ///< null: optional.none()
};
/// google.protobuf.Duration: seconds and nanoseconds of the same sign.
struct Duration {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
};
/// google.protobuf.Timestamp: seconds since the Unix epoch and nanoseconds (0 to 999,999,999).
struct Timestamp {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
};

/// A value of a library's own type (kubernetes.URL, kubernetes.Quantity, net.IP, ...): the library
/// defines what it holds; equality is the library's, ordering is not defined (CEL has no `<` on them).
class Opaque {
 public:
  Opaque() = default;
  Opaque(const Opaque&) = delete;
  Opaque& operator=(const Opaque&) = delete;
  virtual ~Opaque() = default;
  virtual std::string_view type() const = 0;  ///< the CEL type name, as type() returns it
  /// Equality with a value of the same type().
  virtual bool equals(const Opaque& other) const = 0;
  /// How `chartproof cel` and messages show it: `quantity("1Gi")`.
  virtual std::string literal() const = 0;
};
using OpaquePtr = std::shared_ptr<const Opaque>;

struct Value {
  std::variant<Null, bool, std::int64_t, std::uint64_t, double, std::string, Bytes, std::shared_ptr<const List>,
               std::shared_ptr<const MapEntries>, TypeName, Optional, Error, Duration, Timestamp, OpaquePtr>
      v;

  Value() = default;
  Value(Null) {}
  Value(bool b) : v(b) {}
  Value(std::int64_t i) : v(i) {}
  Value(std::uint64_t u) : v(u) {}
  Value(double d) : v(d) {}
  Value(std::string s) : v(std::move(s)) {}
  Value(const char* s) : v(std::string(s)) {}
  Value(Bytes b) : v(std::move(b)) {}
  Value(List l) : v(std::make_shared<const List>(std::move(l))) {}
  Value(MapEntries m) : v(std::make_shared<const MapEntries>(std::move(m))) {}
  Value(TypeName t) : v(std::move(t)) {}
  Value(Optional o) : v(std::move(o)) {}
  Value(Error e) : v(std::move(e)) {}
  Value(Duration d) : v(d) {}
  Value(Timestamp t) : v(t) {}
  Value(OpaquePtr o) : v(std::move(o)) {}

  template <typename T>
  const T* as() const {
    return std::get_if<T>(&v);
  }
  bool is_error() const { return as<Error>() != nullptr; }
  const List* list() const {
    auto p = as<std::shared_ptr<const List>>();
    return p ? p->get() : nullptr;
  }
  /// The library value of type T (a subclass of Opaque), or null.
  template <typename T>
  const T* opaque() const {
    auto p = as<OpaquePtr>();
    return p ? dynamic_cast<const T*>(p->get()) : nullptr;
  }
  const MapEntries* map() const {
    auto p = as<std::shared_ptr<const MapEntries>>();
    return p ? p->get() : nullptr;
  }
};

/// An error value with `message`.
inline Value error(std::string message) { return Value(Error{std::move(message)}); }

/// The CEL type name of a value: `int`, `list`, `map`, `null_type`, ...
std::string type_name(const Value& value);

/// CEL equality (heterogeneous: 1 == 1u == 1.0; lists and maps element-wise; NaN is not equal to
/// itself). nullopt when the operands cannot be compared (an error operand).
bool equal(const Value& a, const Value& b);

/// CEL ordering of two values of comparable types (numbers across int, uint and double; strings;
/// bytes; bools): -1, 0, 1, or nullopt when not comparable (or NaN).
std::optional<int> compare(const Value& a, const Value& b);

/// The value of `key` in a map (numeric keys compare across int, uint and double); null if absent.
const Value* map_find(const MapEntries& map, const Value& key);

/// A CEL literal for messages and `chartproof cel`: `[1, "a", {"k": 2u}]`.
std::string to_literal(const Value& value);

}  // namespace chartproof::cel
