#include "mgcramp/model/schema.hpp"

#include <cctype>
#include <string>

namespace mgcramp::schema {
namespace {

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "2025", "2012-09" or "2025-07-31", with a month 01-12 and a day 01-31.
bool is_date(std::string_view s) {
  auto num = [&](std::size_t at, std::size_t len, int lo, int hi) {
    if (at + len > s.size() || !digits(s.substr(at, len))) return false;
    const int v = std::stoi(std::string(s.substr(at, len)));
    return v >= lo && v <= hi;
  };
  if (!num(0, 4, 0, 9999)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !num(5, 2, 1, 12)) return false;
  if (s.size() == 7) return true;
  return s.size() == 10 && s[7] == '-' && num(8, 2, 1, 31);
}

bool is_day(std::string_view s) {
  return s.size() == 10 && is_date(s);
}

bool is_doi(std::string_view s) {
  return s.substr(0, 3) == "10.";
}

bool is_ndb(std::string_view s) {
  return digits(s) && s.size() <= 5;
}

}  // namespace

const TextRule kDate{&is_date, "expected YYYY, YYYY-MM or YYYY-MM-DD",
                     "for example \"2025-07-31\", \"2012-09\" or \"1997\"; null when unknown",
                     true};
const TextRule kDay{&is_day, "expected YYYY-MM-DD",
                    "the day the page was read, for example \"2025-07-31\"; null when unknown",
                    true};
const TextRule kPmid{&digits, "expected digits only",
                     "the PubMed id as a string, e.g. \"32956536\", or null until confirmed",
                     false};
const TextRule kDoi{&is_doi, "expected a DOI starting with \"10.\"",
                    "the bare DOI, without a URL or \"doi:\" in front, or null until confirmed",
                    false};
const TextRule kNdb{&is_ndb, "expected an SR Legacy NDB number of up to 5 digits",
                    "write the digits as a string, e.g. \"12516\", or null", true};

std::string label_of(const Field& f) {
  if (!f.label.empty()) return std::string(f.label);
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"pmid", "PMID"}, {"doi", "DOI"}, {"url", "URL"}, {"usda", "USDA"}, {"ndb", "NDB"},
      {"nih", "NIH"},   {"rda", "RDA"}, {"ear", "EAR"}, {"ul", "UL"},     {"gi", "GI"},
      {"n", "N"},       {"pct", "%"},   {"id", "Id"},   {"kcal", "kcal"}};
  const std::string_view key = f.key;
  std::string out;
  std::size_t i = 0;
  while (i <= key.size()) {
    const std::size_t j = std::min(key.find('_', i), key.size());
    std::string word(key.substr(i, j - i));
    for (const auto& [from, to] : kWords) {
      if (word == from) word = to;
    }
    if (out.empty() && !word.empty()) {
      word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    }
    out += (out.empty() ? "" : " ") + word;
    i = j + 1;
  }
  return out;
}

}  // namespace mgcramp::schema
