#pragma once
/// \file
/// Errors the user can cause (bad input path, bad option, bad policy), carried as values.

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace chartproof {

/// What an Error is about, so each front (CLI message, Python exception class) can say it alike.
enum class ErrorKind : std::uint8_t {
  Input,   ///< a path that does not exist or cannot be read
  Policy,  ///< a policy file, profile, rule selection or Kubernetes target that is not valid
  Chart,   ///< a chart helm cannot render
  Usage,   ///< a request that makes no sense (no input, two formats on one stream)
};

/// A located, user-facing error: `file:line:col: what went wrong; what to do`.
struct Error {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
  ErrorKind kind = ErrorKind::Input;
  /// Renders the error the way the CLI prints it.
  std::string to_string() const;
};

/// Either a value or an Error.
template <typename T>
class Expected {
 public:
  Expected(T value) : data_(std::move(value)) {}
  Expected(Error error) : data_(std::move(error)) {}
  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(data_); }
  const T& value() const { return std::get<0>(data_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace chartproof
