#pragma once
// JSON-RPC 2.0 messages as text: values are written as JSON text and put together, each string
// escaped by rapidjson's writer (the one JSON library the project uses).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

namespace chartproof::lsp {

/// `s` as a JSON string literal.
inline std::string quote(std::string_view s) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return {buffer.GetString(), buffer.GetSize()};
}

/// A response to request `id` (its JSON text: a number or a quoted string).
inline std::string response(const std::string& id, const std::string& result) {
  return R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":)" + result + "}";
}

/// An error response (`id` "null" when the request's id could not be read).
inline std::string error_response(const std::string& id, int code, std::string_view message) {
  return R"({"jsonrpc":"2.0","id":)" + id + R"(,"error":{"code":)" + std::to_string(code) + R"(,"message":)" +
         quote(message) + "}}";
}

inline std::string notification(std::string_view method, const std::string& params) {
  return R"({"jsonrpc":"2.0","method":)" + quote(method) + R"(,"params":)" + params + "}";
}

/// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;

}  // namespace chartproof::lsp
