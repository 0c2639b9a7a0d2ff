#include "mgcramp/model/formula.hpp"

#include <cctype>
#include <stdexcept>
#include <vector>

namespace mgcramp {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::map<std::string, int> parse() {
    std::map<std::string, int> total;
    bool first = true;
    while (first || (pos_ < s_.size() && s_[pos_] == '.')) {
      if (!first) ++pos_;
      first = false;
      const int mult = number(1);
      auto part = group();
      if (part.empty()) fail("expected an element");
      for (auto& [el, n] : part) total[el] += n * mult;
    }
    if (pos_ != s_.size()) fail("unexpected character");
    return total;
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw std::invalid_argument(std::string(what) + " at position " + std::to_string(pos_ + 1) +
                                " of \"" + std::string(s_) + "\"");
  }

  int number(int fallback) {
    int n = 0;
    bool any = false;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
      n = n * 10 + (s_[pos_++] - '0');
      any = true;
      if (n > 10000) fail("count too large");
    }
    if (any && n == 0) fail("zero count");
    return any ? n : fallback;
  }

  std::map<std::string, int> group(int depth = 0) {
    if (depth > 8) fail("parentheses nested too deeply");
    std::map<std::string, int> counts;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '(') {
        ++pos_;
        auto inner = group(depth + 1);
        if (pos_ >= s_.size() || s_[pos_] != ')') fail("missing ')'");
        ++pos_;
        if (inner.empty()) fail("empty parentheses");
        const int n = number(1);
        for (auto& [el, k] : inner) counts[el] += k * n;
      } else if (std::isupper(static_cast<unsigned char>(c))) {
        std::string el(1, c);
        ++pos_;
        while (pos_ < s_.size() && std::islower(static_cast<unsigned char>(s_[pos_]))) {
          el += s_[pos_++];
        }
        counts[el] += number(1);
      } else {
        break;
      }
    }
    return counts;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

std::map<std::string, int> parse_formula(std::string_view formula) {
  return Parser(formula).parse();
}

double mass_percent(std::string_view formula, const std::map<std::string, double>& masses,
                    const std::string& element) {
  const auto counts = parse_formula(formula);
  double total = 0;
  for (const auto& [el, n] : counts) {
    auto it = masses.find(el);
    if (it == masses.end()) {
      throw std::invalid_argument("no atomic mass for element \"" + el + "\"");
    }
    total += it->second * n;
  }
  auto it = counts.find(element);
  if (it == counts.end()) return 0;
  return masses.at(element) * it->second / total * 100.0;
}

int hydrate_waters(std::string_view formula) {
  const auto dot = formula.rfind('.');
  if (dot == std::string_view::npos) return 0;
  std::string_view tail = formula.substr(dot + 1);
  std::size_t i = 0;
  int n = 0;
  while (i < tail.size() && std::isdigit(static_cast<unsigned char>(tail[i]))) {
    n = n * 10 + (tail[i++] - '0');
  }
  if (tail.substr(i) != "H2O") return 0;
  return i == 0 ? 1 : n;
}

}  // namespace mgcramp
