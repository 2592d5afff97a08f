// The CEL parser (see parser.hpp): a lexer and a recursive-descent parser following langdef.md's
// grammar and precedence (?: < || < && < relations < + - < * / % < unary < member).
#include "cel/parser.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <set>

namespace chartproof::cel {
namespace {

enum class Tok { End, Int, Uint, Double, String, Bytes, Ident, Punct, Error };
struct Token {
  Tok kind = Tok::End;
  std::string text;  // punctuation, identifier, or the decoded string/bytes
  std::size_t offset = 0;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double d = 0;
};

const std::set<std::string, std::less<>> kReserved = {"as",        "break",  "const",  "continue", "else", "for",
                                                      "function",  "if",     "import", "let",      "loop", "package",
                                                      "namespace", "return", "var",    "void",     "while"};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  Token next() {
    skip();
    Token t;
    t.offset = i_;
    if (i_ >= s_.size()) return t;
    char c = s_[i_];
    // String and bytes literals, with their prefixes (r, b, rb, br in either case).
    std::size_t j = i_;
    bool raw = false, bytes = false;
    while (j < s_.size() && j - i_ < 2 && (s_[j] == 'r' || s_[j] == 'R' || s_[j] == 'b' || s_[j] == 'B')) {
      raw = raw || s_[j] == 'r' || s_[j] == 'R';
      bytes = bytes || s_[j] == 'b' || s_[j] == 'B';
      ++j;
    }
    if (j < s_.size() && (s_[j] == '"' || s_[j] == '\'') && (j == i_ || !ident_char_before(j))) {
      i_ = j;
      return string_literal(t, raw, bytes);
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
      return number(t);
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
      t.kind = Tok::Ident;
      t.text = std::string(s_.substr(t.offset, i_ - t.offset));
      return t;
    }
    if (c == '`') {  // a quoted field name: a.`b-c`
      std::size_t end = s_.find('`', i_ + 1);
      if (end == std::string_view::npos) return fail(t, "unterminated quoted identifier");
      t.kind = Tok::Ident;
      t.text = std::string(s_.substr(i_ + 1, end - i_ - 1));
      t.i = 1;  // marks a quoted identifier
      i_ = end + 1;
      return t;
    }
    for (std::string_view p : {"==", "!=", "<=", ">=", "&&", "||", ".?", "[?"}) {
      if (s_.substr(i_, 2) == p) {
        i_ += 2;
        t.kind = Tok::Punct;
        t.text = std::string(p);
        return t;
      }
    }
    if (std::string_view("+-*/%!<>?:.,()[]{}").find(c) != std::string_view::npos) {
      ++i_;
      t.kind = Tok::Punct;
      t.text = std::string(1, c);
      return t;
    }
    return fail(t, std::string("unexpected character '") + c + "'");
  }

 private:
  bool ident_char_before(std::size_t j) const {
    (void)j;
    return false;
  }
  void skip() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_]))) {
        ++i_;
      } else if (s_.substr(i_, 2) == "//") {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else {
        break;
      }
    }
  }
  Token fail(Token t, std::string message) {
    t.kind = Tok::Error;
    t.text = std::move(message);
    i_ = s_.size();
    return t;
  }

  Token number(Token t) {
    std::size_t start = i_;
    if (s_.substr(i_, 2) == "0x" || s_.substr(i_, 2) == "0X") {
      i_ += 2;
      std::size_t digits = i_;
      while (i_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
      if (digits == i_) return fail(t, "invalid hex literal");
      std::string hex(s_.substr(digits, i_ - digits));
      errno = 0;
      unsigned long long v = std::strtoull(hex.c_str(), nullptr, 16);
      if (errno == ERANGE) return fail(t, "integer literal out of range");
      return int_suffix(t, v);
    }
    bool is_double = false;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ < s_.size() && s_[i_] == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1]))) {
      is_double = true;
      ++i_;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      std::size_t save = i_++;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) {
        is_double = true;
        while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
      } else {
        i_ = save;
      }
    }
    std::string text(s_.substr(start, i_ - start));
    if (is_double) {
      t.kind = Tok::Double;
      t.d = std::strtod(text.c_str(), nullptr);
      return t;
    }
    errno = 0;
    unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
    if (errno == ERANGE) return fail(t, "integer literal out of range");
    return int_suffix(t, v);
  }

  Token int_suffix(Token t, unsigned long long v) {
    if (i_ < s_.size() && (s_[i_] == 'u' || s_[i_] == 'U')) {
      ++i_;
      t.kind = Tok::Uint;
      t.u = v;
      return t;
    }
    t.kind = Tok::Int;
    t.u = v;  // the magnitude: `-9223372036854775808` is negated by the parser
    return t;
  }

  Token string_literal(Token t, bool raw, bool bytes) {
    char q = s_[i_];
    bool triple = s_.substr(i_, 3) == std::string(3, q);
    std::size_t step = triple ? 3 : 1;
    i_ += step;
    std::string out;
    while (true) {
      if (i_ >= s_.size()) return fail(t, "unterminated string literal");
      if (triple ? s_.substr(i_, 3) == std::string(3, q) : s_[i_] == q) {
        i_ += step;
        break;
      }
      char c = s_[i_];
      if (!triple && (c == '\n' || c == '\r')) return fail(t, "newline in string literal");
      if (c != '\\' || raw) {
        out += c;
        ++i_;
        continue;
      }
      if (++i_ >= s_.size()) return fail(t, "unterminated string literal");
      char e = s_[i_++];
      switch (e) {
        case 'a':
          out += '\a';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'v':
          out += '\v';
          break;
        case '\\':
        case '\'':
        case '"':
        case '`':
        case '?':
          out += e;
          break;
        case 'x':
        case 'X':
        case 'u':
        case 'U': {
          std::size_t n = (e == 'x' || e == 'X') ? 2 : e == 'u' ? 4 : 8;
          if (i_ + n > s_.size()) return fail(t, "invalid escape");
          std::string hex(s_.substr(i_, n));
          for (char h : hex) {
            if (!std::isxdigit(static_cast<unsigned char>(h))) return fail(t, "invalid escape");
          }
          i_ += n;
          auto cp = static_cast<std::uint32_t>(std::strtoul(hex.c_str(), nullptr, 16));
          if (n == 2 && bytes) {
            out += static_cast<char>(cp);
          } else {
            if (bytes && n > 2) return fail(t, "unicode escape in bytes literal");
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return fail(t, "invalid unicode code point");
            append_utf8(out, cp);
          }
          break;
        }
        default:
          if (e >= '0' && e <= '3') {
            if (i_ + 2 > s_.size() || s_[i_] < '0' || s_[i_] > '7' || s_[i_ + 1] < '0' || s_[i_ + 1] > '7')
              return fail(t, "invalid octal escape");
            std::uint32_t cp = (e - '0') * 64 + (s_[i_] - '0') * 8 + (s_[i_ + 1] - '0');
            i_ += 2;
            if (bytes)
              out += static_cast<char>(cp);
            else
              append_utf8(out, cp);
            break;
          }
          return fail(t, std::string("invalid escape '\\") + e + "'");
      }
    }
    t.kind = bytes ? Tok::Bytes : Tok::String;
    t.text = std::move(out);
    return t;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

class Parser {
 public:
  explicit Parser(std::string_view s) : lexer_(s), source_(s) { advance(); }

  ParseResult run() {
    ParseResult r;
    ExprPtr e = expr();
    if (error_.empty() && tok_.kind != Tok::End) fail("unexpected " + describe(tok_));
    if (!error_.empty()) {
      r.error = error_;
      r.offset = error_offset_;
      return r;
    }
    r.expr = std::move(e);
    return r;
  }

 private:
  static std::string describe(const Token& t) {
    if (t.kind == Tok::End) return "end of expression";
    if (t.kind == Tok::Punct || t.kind == Tok::Ident) return "'" + t.text + "'";
    return "literal";
  }
  void advance() {
    tok_ = lexer_.next();
    if (tok_.kind == Tok::Error) fail(tok_.text);
  }
  bool is(std::string_view p) const { return tok_.kind == Tok::Punct && tok_.text == p; }
  bool accept(std::string_view p) {
    if (!is(p)) return false;
    advance();
    return true;
  }
  void expect(std::string_view p) {
    if (!accept(p)) fail("expected '" + std::string(p) + "', found " + describe(tok_));
  }
  void fail(const std::string& message) {
    if (!error_.empty()) return;
    std::size_t line = 1, col = 1;
    for (std::size_t k = 0; k < tok_.offset && k < source_.size(); ++k) {
      if (source_[k] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    error_ = "Syntax error: " + message + " at " + std::to_string(line) + ":" + std::to_string(col);
    error_offset_ = tok_.offset;
  }
  bool failed() const { return !error_.empty(); }

  ExprPtr node(Expr::Kind kind, std::size_t offset) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->offset = offset;
    return e;
  }
  ExprPtr call(std::string name, std::size_t offset, std::vector<ExprPtr> args) {
    auto e = node(Expr::Kind::Call, offset);
    e->name = std::move(name);
    e->args = std::move(args);
    return grown(std::move(e));
  }
  // Sets a node's height from its operands; a tree too tall to evaluate is a syntax error.
  ExprPtr grown(ExprPtr e) {
    for (const auto& a : e->args) e->height = std::max(e->height, a->height + 1);
    if (e->height > kMaxHeight) fail("expression too deep (more than " + std::to_string(kMaxHeight) + " levels)");
    return e;
  }
  ExprPtr literal(Value v, std::size_t offset) {
    auto e = node(Expr::Kind::Literal, offset);
    e->literal = std::move(v);
    return e;
  }

  // A nesting guard: every recursive production enters one.
  struct Depth {
    Parser& p;
    explicit Depth(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxNesting)
        p.fail("expression nested too deeply (more than " + std::to_string(kMaxNesting) + ")");
    }
    ~Depth() { --p.depth_; }
  };

  ExprPtr expr() {
    Depth d(*this);
    if (failed()) return literal(Null{}, 0);
    std::size_t at = tok_.offset;
    ExprPtr cond = binary_or();
    if (!accept("?")) return cond;
    ExprPtr a = binary_or();
    expect(":");
    ExprPtr b = expr();
    std::vector<ExprPtr> args;
    args.push_back(std::move(cond));
    args.push_back(std::move(a));
    args.push_back(std::move(b));
    return call("_?_:_", at, std::move(args));
  }

  // One left-associative level of binary operators, `next (op next)*`: `op` names the operator at
  // the current token (`_+_`, `@in`), or is empty when there is none.
  template <typename Op>
  ExprPtr left_associative(ExprPtr (Parser::*next)(), Op op) {
    ExprPtr left = (this->*next)();
    while (!failed()) {
      std::string name = op();
      if (name.empty()) break;
      std::size_t at = tok_.offset;
      advance();
      std::vector<ExprPtr> args;
      args.push_back(std::move(left));
      args.push_back((this->*next)());
      left = call(name, at, std::move(args));
    }
    return left;
  }
  std::string operator_among(std::initializer_list<std::string_view> ops) const {
    for (std::string_view p : ops) {
      if (is(p)) return "_" + std::string(p) + "_";
    }
    return "";
  }

  ExprPtr binary_or() {
    return left_associative(&Parser::binary_and, [&] { return operator_among({"||"}); });
  }
  ExprPtr binary_and() {
    return left_associative(&Parser::relation, [&] { return operator_among({"&&"}); });
  }
  ExprPtr relation() {
    return left_associative(&Parser::addition, [&] {
      std::string op = operator_among({"<", "<=", ">", ">=", "==", "!="});
      if (op.empty() && tok_.kind == Tok::Ident && tok_.text == "in") op = "@in";
      return op;
    });
  }
  ExprPtr addition() {
    return left_associative(&Parser::multiplication, [&] { return operator_among({"+", "-"}); });
  }
  ExprPtr multiplication() {
    return left_associative(&Parser::unary, [&] { return operator_among({"*", "/", "%"}); });
  }
  ExprPtr unary() {
    Depth d(*this);
    if (failed()) return literal(Null{}, 0);
    std::size_t at = tok_.offset;
    if (accept("!")) {
      std::vector<ExprPtr> args;
      args.push_back(unary());
      return call("!_", at, std::move(args));
    }
    if (is("-")) {
      advance();
      // A negative literal is a literal: -9223372036854775808 is valid.
      if (tok_.kind == Tok::Int && !failed()) {
        Token t = tok_;
        advance();
        if (t.u > static_cast<std::uint64_t>(INT64_MAX) + 1) {
          fail("integer literal out of range");
          return literal(Null{}, at);
        }
        ExprPtr lit = literal(Value(static_cast<std::int64_t>(0 - t.u)), at);
        return member(std::move(lit));
      }
      std::vector<ExprPtr> args;
      args.push_back(unary());
      return call("-_", at, std::move(args));
    }
    return member(primary());
  }

  std::vector<ExprPtr> expr_list(std::string_view close, std::vector<bool>* optional = nullptr) {
    std::vector<ExprPtr> out;
    if (accept(close)) return out;
    while (!failed()) {
      bool opt = optional && accept("?");
      if (optional) optional->push_back(opt);
      out.push_back(expr());
      if (accept(close)) break;
      expect(",");
      if (accept(close)) break;  // a trailing comma
    }
    return out;
  }

  ExprPtr member(ExprPtr operand) {
    while (!failed()) {
      std::size_t at = tok_.offset;
      if (is(".") || is(".?")) {
        bool opt = is(".?");
        advance();
        if (tok_.kind != Tok::Ident) {
          fail("expected a field name after '.'");
          break;
        }
        std::string name = tok_.text;
        advance();
        if (!opt && is("(")) {
          advance();
          std::vector<ExprPtr> args = expr_list(")");
          operand = receiver_call(std::move(name), at, std::move(operand), std::move(args));
          continue;
        }
        auto e = node(Expr::Kind::Select, at);
        e->name = std::move(name);
        e->optional = opt;
        e->args.push_back(std::move(operand));
        operand = grown(std::move(e));
      } else if (is("[") || is("[?")) {
        bool opt = is("[?");
        advance();
        std::vector<ExprPtr> args;
        args.push_back(std::move(operand));
        args.push_back(expr());
        expect("]");
        operand = call(opt ? "_[?_]" : "_[_]", at, std::move(args));
      } else {
        break;
      }
    }
    return operand;
  }

  // How many variables a macro call binds, or 0 when the call is not that macro: the one-variable
  // forms all(x, p), map(x, [p,] t), filter(x, p); the two-variable forms all(i, v, p),
  // transformList(i, v, [p,] t), transformMapEntry(k, v, t) (cel-go's ext.TwoVarComprehensions).
  static int macro_variables(std::string_view name, const std::vector<ExprPtr>& args) {
    auto ident = [&](std::size_t i) { return i < args.size() && args[i]->kind == Expr::Kind::Ident; };
    if (!ident(0)) return 0;
    const std::size_t n = args.size();
    if (name == "all" || name == "exists" || name == "exists_one" || name == "existsOne") {
      return n == 2 ? 1 : (n == 3 && ident(1) ? 2 : 0);
    }
    if (name == "map") return n == 2 || n == 3 ? 1 : 0;
    if (name == "filter" || name == "optMap" || name == "optFlatMap" || name == "sortBy") return n == 2 ? 1 : 0;
    if (name == "transformList" || name == "transformMap") return (n == 3 || n == 4) && ident(1) ? 2 : 0;
    if (name == "transformMapEntry") return (n == 3 || n == 4) && ident(1) ? 2 : 0;
    return 0;
  }

  // A receiver-style call, or a macro: range.all(x, p), range.map(x, [p,] t), ...
  ExprPtr receiver_call(std::string name, std::size_t at, ExprPtr target, std::vector<ExprPtr> args) {
    if (const int vars = macro_variables(name, args); vars > 0) {
      auto e = node(Expr::Kind::Macro, at);
      e->name = name == "existsOne" ? "exists_one" : name;
      e->var = args[0]->name;
      if (vars == 2) e->var2 = args[1]->name;
      e->args.push_back(std::move(target));
      for (std::size_t k = static_cast<std::size_t>(vars); k < args.size(); ++k) e->args.push_back(std::move(args[k]));
      return grown(std::move(e));
    }
    std::vector<ExprPtr> all;
    all.push_back(std::move(target));
    for (auto& a : args) all.push_back(std::move(a));
    auto e = call(std::move(name), at, std::move(all));
    e->has_target = true;
    return e;
  }

  ExprPtr primary() {
    Depth d(*this);
    std::size_t at = tok_.offset;
    if (failed()) return literal(Null{}, at);
    Token t = tok_;
    switch (t.kind) {
      case Tok::Int:
        advance();
        if (t.u > static_cast<std::uint64_t>(INT64_MAX)) {
          fail("integer literal out of range");
          return literal(Null{}, at);
        }
        return literal(Value(static_cast<std::int64_t>(t.u)), at);
      case Tok::Uint:
        advance();
        return literal(Value(t.u), at);
      case Tok::Double:
        advance();
        return literal(Value(t.d), at);
      case Tok::String:
        advance();
        return literal(Value(t.text), at);
      case Tok::Bytes:
        advance();
        return literal(Value(Bytes{t.text}), at);
      case Tok::End:
        fail("unexpected end of expression");
        return literal(Null{}, at);
      case Tok::Error:
        return literal(Null{}, at);
      default:
        break;
    }
    if (accept("(")) {
      ExprPtr e = expr();
      expect(")");
      return e;
    }
    if (is("[") || is("[?")) {  // `[?x, ...]`: the lexer reads `[?` as one token
      const bool first_optional = is("[?");
      advance();
      auto e = node(Expr::Kind::ListLiteral, at);
      if (first_optional) {
        e->optional_entries.push_back(true);
        e->args.push_back(expr());
        if (!accept("]")) {
          expect(",");
          std::vector<bool> more_flags;
          auto more = expr_list("]", &more_flags);
          for (std::size_t k = 0; k < more.size(); ++k) {
            e->args.push_back(std::move(more[k]));
            e->optional_entries.push_back(more_flags[k]);
          }
        }
      } else {
        e->args = expr_list("]", &e->optional_entries);
      }
      return grown(std::move(e));
    }
    if (accept("{")) {
      auto e = node(Expr::Kind::MapLiteral, at);
      if (accept("}")) return e;
      while (!failed()) {
        e->optional_entries.push_back(accept("?"));
        e->args.push_back(expr());
        expect(":");
        e->args.push_back(expr());
        if (accept("}")) break;
        expect(",");
        if (accept("}")) break;
      }
      return grown(std::move(e));
    }
    bool leading_dot = accept(".");
    if (tok_.kind != Tok::Ident) {
      fail("unexpected " + describe(tok_));
      return literal(Null{}, at);
    }
    std::string name = tok_.text;
    advance();
    if (name == "true" || name == "false") return literal(Value(name == "true"), at);
    if (name == "null") return literal(Value(Null{}), at);
    if (kReserved.contains(name)) {
      fail("reserved identifier '" + name + "'");
      return literal(Null{}, at);
    }
    if (accept("(")) {
      std::vector<ExprPtr> args = expr_list(")");
      if (name == "has") {
        if (args.size() != 1 || args[0]->kind != Expr::Kind::Select) {
          fail("invalid argument to has() macro");
          return literal(Null{}, at);
        }
        args[0]->test_only = true;
        return std::move(args[0]);
      }
      return call(leading_dot ? "." + name : name, at, std::move(args));
    }
    if (is("{")) {  // a message literal: not supported (no protobuf types here)
      fail("message construction is not supported");
      return literal(Null{}, at);
    }
    auto e = node(Expr::Kind::Ident, at);
    e->name = leading_dot ? "." + name : name;
    return e;
  }

  Lexer lexer_;
  std::string_view source_;
  Token tok_;
  std::string error_;
  std::size_t error_offset_ = 0;
  int depth_ = 0;
};

}  // namespace

ParseResult parse(std::string_view source) { return Parser(source).run(); }

}  // namespace chartproof::cel
