// Loading a dataset: JSON streamed into the typed model through the records'
// descriptions (model/schema.hpp), every field checked as it is read, then
// the rules of each record (rules.cpp) and, once the whole file is read, the
// references between records.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <type_traits>
#include <unordered_map>

#include <fmt/format.h>

#include "json_pull.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/model/schema.hpp"
#include "mgcramp/text.hpp"
#include "rules.hpp"

namespace mgcramp {
namespace {

using io::fail;
using io::JsonPull;
using io::quoted;
using schema::Field;
using schema::RefTo;
using Type = JsonPull::Type;

constexpr long long kSchemaVersion = 1;
constexpr std::size_t kMaxDepth = 32;
constexpr std::size_t kMaxFileBytes = std::size_t{2} << 30;  // 2 GiB

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

// Records of a table (as opposed to objects inside a record) name it.
template <class R, class = void>
struct is_table_record : std::false_type {};
template <class R>
struct is_table_record<R, std::void_t<decltype(R::table)>> : std::true_type {};

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// The JSON Pointer of where the reader is, kept as it descends and climbs.
class Pointer final : public io::Where {
 public:
  std::string pointer() const override { return str(); }
  void push(std::string_view key) { segments_.push_back({key, kKey}); }
  void push_copy(std::string_view key) {
    copies_.emplace_back(key);
    segments_.push_back({copies_.back(), kCopy});
  }
  void push(std::size_t index) { segments_.push_back({{}, index}); }
  void pop() {
    if (segments_.back().index == kCopy) copies_.pop_back();
    segments_.pop_back();
  }
  std::string str() const {
    std::string out;
    for (const auto& s : segments_) {
      out += '/';
      out += s.index < kKey ? std::to_string(s.index) : pointer_token(s.key);
    }
    return out;
  }
  std::string child(std::string_view key) const { return str() + "/" + pointer_token(key); }

 private:
  static constexpr std::size_t kKey = static_cast<std::size_t>(-2);
  static constexpr std::size_t kCopy = static_cast<std::size_t>(-1);
  struct Segment {
    std::string_view key;
    std::size_t index;  // kKey or kCopy for a key
  };
  std::vector<Segment> segments_;
  std::deque<std::string> copies_;
};

// What a field holds, for the hint of a type error.
enum class Want { text, number, integer, boolean, array, object };

// The value the reader met instead of the one it wanted: as a message shows
// it ("lots" quoted, 3.5, null, an object) and what suggests the fix.
struct Got {
  Type type;
  std::string shown;
  std::string text;         // a string's text
  bool fractional = false;  // a number with a fraction or an exponent
};

bool is_id(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && s[i - 1] == '-')) return false;
  }
  return true;
}

// Whether `s` is a JSON number: "30" in quotes is a number written as text.
bool json_number(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  static const std::string none;
  JsonPull p(s, none);
  try {
    if (p.peek() != Type::number) return false;
    p.number();
    p.finish();
    return true;
  } catch (const DataError&) {
    return false;
  }
}

// A hint for a value of the wrong type, when the value suggests the fix;
// empty otherwise (fail() then points at data/SCHEMA.md).
std::string type_hint(const Got& got, Want want) {
  if (got.type == Type::null) return "null is allowed only for optional fields";
  switch (want) {
    case Want::text:
      if (got.type == Type::number || got.type == Type::boolean) {
        return "quote it: \"" + got.shown + "\"";
      }
      break;
    case Want::number:
    case Want::integer:
      if (got.type == Type::string && json_number(got.text)) {
        return "write the number without quotes: " + got.text;
      }
      if (want == Want::integer && got.type == Type::number && got.fractional) {
        return "write a whole number, without a decimal point";
      }
      break;
    case Want::boolean:
      if (got.type == Type::string) return "write true or false, without quotes";
      if (got.type == Type::number) return "write true or false, not a number";
      break;
    case Want::array:
      if (got.type == Type::string) return "make it a list: [" + got.shown + "]";
      break;
    case Want::object: break;
  }
  return {};
}

// "a, b and c"
std::string join_and(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::vector<std::string> q;
  q.reserve(names.size());
  for (const auto& n : names) q.push_back("\"" + n + "\"");
  return text::join_or(q);
}

// Whether a field must be present: values, lists and objects, unless the
// field is optional (an std::optional, or a list or object marked so).
template <class T>
bool required(const Field& f) {
  return !is_optional<T>::value && !f.optional;
}

class Reader {
 public:
  // With a `base`, the text is an overlay: records added to that dataset
  // (--data-add). Its ids must be new, its references may name the base's
  // records, and what it holds is checked against the two together.
  Reader(JsonPull& in, const std::string& origin, const Dataset* base = nullptr)
      : in_(in), origin_(origin), base_(base) {
    if (base_ == nullptr) return;
    for (std::size_t t = 0; t < enum_count<Table>(); ++t) {
      const Table table = static_cast<Table>(t);
      first_[t] = table_size(*base_, table);
      with_table(*base_, table, [&](const auto& records) {
        for (std::size_t i = 0; i < records.size(); ++i) {
          schema::describe(records[i], [&](const Field& f, const auto& v) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
              if (f.is_id) {
                ids_[static_cast<std::size_t>(info(table).ids)].emplace(v, Owner{table, i, true});
              }
            }
          });
        }
      });
    }
  }

  Dataset read() {
    Dataset ds;
    read_object(ds);
    in_.finish();
    if (base_ == nullptr) {
      check_dataset(ds);
      return ds;
    }
    Dataset merged = *base_;
    std::size_t t = 0;
    for_each_table(ds, [&](auto& added) {
      with_table(merged, static_cast<Table>(t++), [&](auto& into) {
        if constexpr (std::is_same_v<decltype(into), decltype(added)>) {
          into.insert(into.end(), std::make_move_iterator(added.begin()),
                      std::make_move_iterator(added.end()));
        }
      });
    });
    check_dataset(merged);
    return merged;
  }

 private:
  struct Owner {
    Table table;
    std::size_t index;  // in the dataset with the overlay's records after the base's
    bool base = false;  // one of the base's records
  };

  // Where the overlay's records of table `t` start among the merged ones.
  std::size_t first(Table t) const { return first_[static_cast<std::size_t>(t)]; }

  [[noreturn]] void fail_here(const std::string& message, std::string hint = {}) const {
    fail(origin_, at_.str(), message, std::move(hint));
  }

  // The next value, consumed unless it is an object or an array.
  Got got() {
    Got g{in_.peek(), {}, {}};
    switch (g.type) {
      case Type::null:
        in_.null();
        g.shown = "null";
        break;
      case Type::boolean: g.shown = in_.boolean() ? "true" : "false"; break;
      case Type::number: {
        const auto n = in_.number();
        g.shown = text::sanitize(n.literal);
        g.fractional = !n.integer;
        break;
      }
      case Type::string:
        in_.read_string(g.text);
        g.shown = quoted(g.text);
        break;
      case Type::object: g.shown = "an object"; break;
      case Type::array: g.shown = "an array"; break;
    }
    return g;
  }

  [[noreturn]] void wrong_type(const std::string& expected, Want want) {
    const Got g = got();
    fail_here("expected " + expected + ", got " + g.shown, type_hint(g, want));
  }

  void enter() {
    if (in_.depth() >= kMaxDepth) {
      fail_here(fmt::format("nesting deeper than {} levels", kMaxDepth),
                "no record in the schema nests that deep; look for a runaway bracket");
    }
  }

  // The index of the field named `key` in R's description, or -1.
  template <class R>
  static int field_index(std::string_view key) {
    static const std::vector<std::string_view> keys = [] {
      std::vector<std::string_view> k;
      R r{};
      schema::describe(r, [&](const Field& f, auto&) { k.push_back(f.key); });
      return k;
    }();
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == key) return static_cast<int>(i);
    }
    return -1;
  }

  template <class R>
  void read_object(R& record) {
    if (in_.peek() != Type::object) wrong_type("an object", Want::object);
    enter();
    in_.begin_object();
    std::uint64_t seen = 0;
    std::vector<std::string> strays;  // keys that are not fields, in order
    std::string_view key;
    while (in_.next_key(key)) {
      const int i = field_index<R>(key);
      if (i < 0) {
        for (const auto& s : strays) {
          if (s == key)
            fail(origin_, at_.child(key), "duplicate key", "each key may appear once per object");
        }
        strays.emplace_back(key);
        at_.push_copy(key);
        skip();
        at_.pop();
        continue;
      }
      if ((seen >> i) & 1) {
        fail(origin_, at_.child(key), "duplicate key", "each key may appear once per object");
      }
      seen |= std::uint64_t{1} << i;
      int k = 0;
      schema::describe(record, [&](const Field& f, auto& member) {
        if (k++ != i) return;
        at_.push(f.key);
        before_field<R>(f);
        read_value(f, member);
        after_field(record, f);
        at_.pop();
      });
    }
    // Fields that are missing, then keys that are not fields, then the
    // record's own rules.
    int k = 0;
    schema::describe(record, [&](const Field& f, auto& member) {
      using T = std::decay_t<decltype(member)>;
      const bool absent = !((seen >> k++) & 1);
      // An overlay holds only what it adds.
      const bool overlay = std::is_same_v<R, Dataset> && base_ != nullptr;
      if (absent && !overlay && required<T>(f)) missing(f.key, strays);
    });
    if (!strays.empty()) unknown<R>(strays.front(), seen);
    io::check(record, io::Rules(origin_, at_));
  }

  [[noreturn]] void missing(std::string_view key, const std::vector<std::string>& strays) const {
    const std::string at = at_.child(key);
    // A key that is not a field and is close to the missing one is its misspelling.
    const std::string near = text::closest(key, strays);
    fail(origin_, at, "missing required field",
         near.empty() ? fmt::format("add \"{}\"; {}", key, io::schema_hint(at))
                      : fmt::format("found \"{}\": rename it \"{}\"", near, key));
  }

  template <class R>
  [[noreturn]] void unknown(const std::string& key, std::uint64_t seen) const {
    // Suggest a field the object lacks; otherwise list them all.
    std::vector<std::string> absent;
    std::vector<std::string> all;
    int k = 0;
    R r{};
    schema::describe(r, [&](const Field& f, auto&) {
      all.emplace_back(f.key);
      if (!((seen >> k++) & 1)) absent.emplace_back(f.key);
    });
    const std::string near = text::closest(key, absent);
    fail(origin_, at_.child(key), "unknown field",
         near.empty() ? "remove it; the fields are " + text::join_comma(all)
                      : "did you mean \"" + near + "\"?");
  }

  // Before a field of the top level: an overlay holds tables only.
  template <class R>
  void before_field(const Field& f) {
    if constexpr (std::is_same_v<R, Dataset>) {
      if (base_ != nullptr && f.key != "schema_version" && f.key != "description" &&
          !is_table_name(f.key)) {
        fail_here(fmt::format("an overlay adds records: \"{}\" is the dataset's own", f.key),
                  "leave it out of the file, or give the whole dataset with --data FILE");
      }
    }
  }

  // After a field of the top level: the version must be this program's.
  template <class R>
  void after_field(R& record, const Field& f) {
    if constexpr (std::is_same_v<R, Dataset>) {
      if (f.key == "schema_version" && record.schema_version != kSchemaVersion) {
        fail_here(fmt::format("unsupported schema version {}", record.schema_version),
                  fmt::format("this mgcramp reads schema version {}", kSchemaVersion));
      }
    }
  }

  static bool is_table_name(std::string_view key) {
    for (std::size_t t = 0; t < enum_count<Table>(); ++t) {
      if (name_of(static_cast<Table>(t)) == key) return true;
    }
    return false;
  }

  // ---- values, by type ----

  template <class T>
  void read_value(const Field& f, T& v) {
    if constexpr (schema::is_described<T>::value) {
      if (f.optional && in_.peek() == Type::null) {
        in_.null();
        v = T{};
        return;
      }
      read_object(v);
    } else {
      read_scalar(f, v, false);
    }
  }

  template <class T>
  void read_value(const Field& f, std::optional<T>& v) {
    if (in_.peek() == Type::null) {
      in_.null();
      v.reset();
      return;
    }
    if constexpr (schema::is_described<T>::value) {
      read_object(v.emplace());
    } else {
      read_scalar(f, v.emplace(), true);
    }
  }

  template <class T>
  void read_value(const Field& f, std::vector<T>& v) {
    v.clear();
    if constexpr (std::is_same_v<T, std::string>) {
      read_strings(f, v);
    } else {
      if (in_.peek() == Type::null && f.optional) {
        in_.null();
        return;
      }
      if (in_.peek() != Type::array) {
        wrong_type(f.optional ? "an array or null" : "an array", Want::array);
      }
      enter();
      in_.begin_array();
      for (std::size_t i = 0; in_.next_element(); ++i) {
        at_.push(i);
        T& x = v.emplace_back();
        if constexpr (std::is_enum_v<T>) {
          read_scalar(f, x, false);
        } else {
          if constexpr (is_table_record<T>::value) {
            register_record_ = {T::table, first(T::table) + i};
          }
          read_object(x);
        }
        at_.pop();
      }
      // An overlay's empty table adds nothing to the base's, which has some.
      const bool overlay_table = is_table_record<T>::value && base_ != nullptr;
      if (v.empty() && f.non_empty && !overlay_table)
        fail_here(std::string(f.empty_message), std::string(f.empty_hint));
      // An overlay's table adds to the base's, which holds what each needs.
      if constexpr (is_table_record<T>::value) {
        if (base_ == nullptr) after_table(v);
      }
    }
  }

  // Element symbols to atomic weights (or to the charges of their ions).
  void read_value(const Field& f, std::map<std::string, double>& m) {
    if (in_.peek() != Type::object) wrong_type("an object", Want::object);
    enter();
    in_.begin_object();
    std::string_view key;
    while (in_.next_key(key)) {
      const std::string el(key);
      at_.push_copy(el);
      if (m.count(el) != 0) fail_here("duplicate key", "each key may appear once per object");
      const bool symbol = !el.empty() && el.size() <= 2 && el[0] >= 'A' && el[0] <= 'Z' &&
                          (el.size() == 1 || (el[1] >= 'a' && el[1] <= 'z'));
      if (!symbol) {
        fail_here("expected an element symbol such as \"Mg\"",
                  "a capital letter, then at most one lowercase letter");
      }
      double mass = 0;
      read_scalar(Field("values"), mass, false);
      if (mass <= 0 && f.key == "charges") {
        fail_here("an ion's charge must be greater than 0", "e.g. 2 for Mg (Mg2+)");
      }
      if (mass <= 0) {
        fail_here("an atomic mass must be greater than 0",
                  "use the standard atomic weight, e.g. 24.305 for Mg");
      }
      m.emplace(el, mass);
      at_.pop();
    }
  }

  template <class R>
  void after_table(const std::vector<R>& records) {
    constexpr Table t = R::table;
    if (records.empty() && !info(t).needed_by.empty()) {
      fail_here(fmt::format("expected at least one {}, got an empty array", table_singular(t)),
                std::string(info(t).needed_by));
    }
    if constexpr (t == Table::intakes) {
      if (std::none_of(records.begin(), records.end(),
                       [](const Intake& in) { return in.condition == Condition::none; })) {
        fail_here(
            "no row for the general population (condition \"none\")",
            "rda looks up a person's reference intake among the rows with condition \"none\"");
      }
    }
  }

  // A list of strings: text, and for references ids each listed once.
  void read_strings(const Field& f, std::vector<std::string>& v) {
    if (in_.peek() == Type::null && f.optional) {
      in_.null();
      return;
    }
    if (in_.peek() != Type::array) wrong_type("an array of strings", Want::array);
    enter();
    in_.begin_array();
    for (std::size_t i = 0; in_.next_element(); ++i) {
      at_.push(i);
      read_text(f, v.emplace_back(), false, false);
      at_.pop();
    }
    if (f.ref == RefTo::none) {
      if (f.non_empty && v.empty())
        fail_here(std::string(f.empty_message), std::string(f.empty_hint));
      return;
    }
    if (f.non_empty && v.empty()) {
      fail_here("expected at least one id", "every record cites at least one source");
    }
    if (const auto rep = io::first_repeat(v)) {
      const std::string at = at_.str() + "/";
      fail(origin_, at + std::to_string(rep->second),
           fmt::format("{} is already listed at {}{}", quoted(v[rep->second]), at, rep->first),
           "list each id once");
    }
  }

  // A string that holds text; an id or a reference without whitespace around
  // it; the record's own id well formed and unique.
  void read_text(const Field& f, std::string& out, bool nullable, bool whole_field) {
    const char* expected = nullable ? "a non-empty string or null" : "a non-empty string";
    const char* text_hint =
        nullable ? "write the text, or null when there is none" : "write the text";
    if (in_.peek() != Type::string) wrong_type(expected, Want::text);
    in_.read_string(out);
    if (out.empty()) fail_here(fmt::format("expected {}, got \"\"", expected), text_hint);
    const std::string_view bare = text::trim(out);
    if (bare.empty())
      fail_here(fmt::format("expected {}, got only whitespace", expected), text_hint);
    if ((f.is_id || f.ref != RefTo::none) && bare.size() != out.size()) {
      fail_here("expected an id without leading or trailing whitespace, got " + quoted(out),
                fmt::format("write \"{}\"", text::sanitize(bare)));
    }
    if (!whole_field) return;
    if (f.is_id) record_id(out);
    if (f.rule != nullptr && !f.rule->ok(out)) {
      fail_here(std::string(f.rule->message) + (f.rule->shows_value ? ", got " + quoted(out) : ""),
                std::string(f.rule->hint));
    }
  }

  void record_id(const std::string& id) {
    if (!is_id(id)) {
      // Suggest the id the value most likely means: "Bad_Id 2" -> "bad-id-2".
      std::string slug;
      for (char c : text::to_lower(id)) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
          slug += c;
        } else if (!slug.empty() && slug.back() != '-') {
          slug += '-';
        }
      }
      while (!slug.empty() && slug.back() == '-') slug.pop_back();
      fail_here(
          "expected an id of lowercase letters, digits and single hyphens, got " + quoted(id),
          is_id(slug) ? fmt::format("for example \"{}\"", slug) : "for example \"garrison-2020\"");
    }
    const Owner me = register_record_;
    const IdSpace space = info(me.table).ids;
    auto [it, fresh] = ids_[static_cast<std::size_t>(space)].emplace(id, me);
    if (fresh) return;
    const Owner first = it->second;
    if (first.base) {
      fail_here(fmt::format("the dataset already has a {} with id \"{}\"",
                            table_singular(first.table), id),
                "an overlay adds records: give this one an id of its own, or give the whole "
                "dataset with --data FILE");
    }
    const std::string first_at =
        fmt::format("/{}/{}/id", name_of(first.table), first.index - this->first(first.table));
    if (first.table == me.table) {
      fail_here(fmt::format("duplicate {} id \"{}\"", table_singular(me.table), id),
                "already used at " + first_at);
    }
    std::vector<std::string> sharing;
    for (std::size_t t = 0; t < enum_count<Table>(); ++t) {
      if (kTableInfo[t].ids == space) sharing.emplace_back(name_of(static_cast<Table>(t)));
    }
    fail_here(fmt::format("already used by a {} ({})", table_singular(first.table), first_at),
              fmt::format("{} share one id space", join_and(sharing)));
  }

  void read_scalar(const Field& f, std::string& v, bool nullable) {
    read_text(f, v, nullable, true);
  }

  void read_scalar(const Field& f, double& v, bool nullable) {
    const char* expected =
        f.any_sign ? (nullable ? "a number or null" : "a number")
                   : (nullable ? "a non-negative number or null" : "a non-negative number");
    if (in_.peek() != Type::number) wrong_type(expected, Want::number);
    const auto n = in_.number();
    if (!f.any_sign && n.value < 0) {
      fail_here(fmt::format("expected {}, got {}", expected, text::sanitize(n.literal)));
    }
    v = n.value;
  }

  void read_scalar(const Field& f, long long& v, bool nullable) {
    const std::string expected =
        fmt::format("a whole number from {} to {}{}", f.min, f.max, nullable ? " or null" : "");
    if (in_.peek() != Type::number) wrong_type(expected, Want::integer);
    const auto n = in_.number();
    if (!n.integer || n.int_value < f.min || n.int_value > f.max) {
      fail_here(fmt::format("expected {}, got {}", expected, text::sanitize(n.literal)),
                n.integer ? std::string() : "write a whole number, without a decimal point");
    }
    v = n.int_value;
  }

  void read_scalar(const Field& f, int& v, bool nullable) {
    long long x = 0;
    read_scalar(f, x, nullable);
    v = static_cast<int>(x);
  }

  void read_scalar(const Field&, bool& v, bool nullable) {
    if (in_.peek() != Type::boolean) {
      wrong_type(nullable ? "true, false or null" : "true or false", Want::boolean);
    }
    v = in_.boolean();
  }

  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  void read_scalar(const Field&, E& v, bool) {
    const std::vector<std::string> names = enum_names<E>();
    if (in_.peek() != Type::string) {
      const Got g = got();
      fail_here(fmt::format("expected {}, got {}", quoted_list(names), g.shown),
                g.type == Type::null ? type_hint(g, Want::text) : std::string());
    }
    in_.read_string(scratch_);
    if (const auto e = enum_from<E>(scratch_)) {
      v = *e;
      return;
    }
    const std::string near = text::closest(scratch_, names);
    fail_here(fmt::format("expected {}, got {}", quoted_list(names), quoted(scratch_)),
              near.empty() ? std::string() : fmt::format("did you mean \"{}\"?", near));
  }

  // Any value, passed over: its keys must still be unique and its nesting
  // bounded, and errors inside it name their JSON Pointer.
  void skip() {
    struct Frame {
      bool object;
      bool pushed;
      std::size_t next;
      std::vector<std::string> keys;
    };
    std::vector<Frame> frames;
    for (;;) {
      const Type t = in_.peek();
      if (t == Type::object || t == Type::array) {
        enter();
        if (t == Type::object) {
          in_.begin_object();
        } else {
          in_.begin_array();
        }
        frames.push_back({t == Type::object, false, 0, {}});
      } else {
        (void)got();
      }
      // On to the next value to pass over, closing the containers that end.
      for (;;) {
        if (frames.empty()) return;
        Frame& fr = frames.back();
        if (fr.pushed) at_.pop();
        fr.pushed = false;
        if (fr.object) {
          std::string_view key;
          if (!in_.next_key(key)) {
            frames.pop_back();
            continue;
          }
          for (const auto& k : fr.keys) {
            if (k == key)
              fail(origin_, at_.child(key), "duplicate key", "each key may appear once per object");
          }
          fr.keys.emplace_back(key);
          at_.push_copy(key);
        } else {
          if (!in_.next_element()) {
            frames.pop_back();
            continue;
          }
          at_.push(fr.next++);
        }
        fr.pushed = true;
        break;
      }
    }
  }

  // ---- once the whole file is read ----

  // The whole dataset, or with an overlay only its records (from first(t)),
  // their pointers counted in the overlay.
  void check_dataset(const Dataset& ds) {
    const std::size_t forms = first(Table::forms);
    for (std::size_t i = forms; i < ds.forms.size(); ++i) {
      const io::At at("/forms/" + std::to_string(i - forms));
      io::check_formula(ds.forms[i], ds.atomic_masses, io::Rules(origin_, at));
    }
    check_refs(ds);
    io::check_intake_overlaps(ds, origin_, first(Table::intakes));
    io::check_symptom_basis(ds, origin_, first(Table::symptoms));
    io::check_cue_patterns(ds, origin_, first(Table::claims));
  }

  void check_refs(const Dataset& ds) {
    for_each_table(ds, [&](const auto& records) {
      using R = typename std::decay_t<decltype(records)>::value_type;
      const std::size_t from = first(R::table);
      at_.push(name_of(R::table));
      for (std::size_t i = from; i < records.size(); ++i) {
        at_.push(i - from);
        refs_of(ds, records[i]);
        at_.pop();
      }
      at_.pop();
    });
    if (base_ != nullptr) return;  // the base's own, checked with it
    refs_of(ds, ds.daily_value, "daily_value");
    refs_of(ds, ds.atomic_masses, "atomic_masses");
  }

  template <class R>
  void refs_of(const Dataset& ds, const R& record, std::string_view key) {
    at_.push(key);
    refs_of(ds, record);
    at_.pop();
  }

  template <class R>
  void refs_of(const Dataset& ds, const R& record) {
    schema::describe(record, [&](const Field& f, const auto& v) {
      at_.push(f.key);
      field_refs(ds, f, v);
      at_.pop();
    });
  }

  template <class T>
  void field_refs(const Dataset& ds, const Field& f, const T& v) {
    if constexpr (schema::is_described<T>::value) {
      refs_of(ds, v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (f.ref != RefTo::none) check_ref(ds, f.ref, v);
    }
  }
  template <class T>
  void field_refs(const Dataset& ds, const Field& f, const std::optional<T>& v) {
    if (v) field_refs(ds, f, *v);
  }
  template <class T>
  void field_refs(const Dataset& ds, const Field& f, const std::vector<T>& v) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      at_.push(i);
      field_refs(ds, f, v[i]);
      at_.pop();
    }
  }

  bool points_at(const Dataset& ds, RefTo kind, const std::string& id) const {
    switch (kind) {
      case RefTo::form:
        return id == "mixed" || ids_[static_cast<std::size_t>(IdSpace::forms)].count(id) != 0;
      case RefTo::notice: return ids_[static_cast<std::size_t>(IdSpace::notices)].count(id) != 0;
      case RefTo::interaction:
      case RefTo::cause:
      case RefTo::claim: {
        const auto& space = ids_[static_cast<std::size_t>(IdSpace::records)];
        const auto it = space.find(id);
        return it != space.end() &&
               schema::can_point_at(kind, it->second.table, SourceKind::article);
      }
      case RefTo::citable:
      case RefTo::article:
      case RefTo::study: {
        const auto& space = ids_[static_cast<std::size_t>(IdSpace::citable)];
        const auto it = space.find(id);
        if (it == space.end()) return false;
        const Owner o = it->second;
        const SourceKind sk =
            o.table == Table::sources ? ds.sources[o.index].kind : SourceKind::article;
        return schema::can_point_at(kind, o.table, sk);
      }
      case RefTo::none: break;
    }
    return false;
  }

  void check_ref(const Dataset& ds, RefTo kind, const std::string& id) {
    if (points_at(ds, kind, id)) return;
    static const std::pair<const char*, const char*> kWhat[] = {
        {"", ""},
        {"source", "sources or studies"},
        {"article", "sources (kind \"article\")"},
        {"study", "studies"},
        {"form", "forms"},
        {"notice", "notices"},
        {"interaction", "interactions"},
        {"cause", "causes"},
        {"claim", "claims"},
    };
    const auto& [what, table_hint] = kWhat[static_cast<std::size_t>(kind)];
    std::vector<std::string> known;
    for (const auto& space : ids_) {
      for (const auto& kv : space) {
        if (points_at(ds, kind, kv.first)) known.push_back(kv.first);
      }
    }
    const std::string near = text::closest(id, known);
    fail_here(fmt::format("unknown {} id {}", what, quoted(id)),
              near.empty() ? fmt::format("add it to \"{}\" or fix the reference", table_hint)
                           : "did you mean \"" + near + "\"?");
  }

  JsonPull& in_;
  const std::string& origin_;
  Pointer at_;
  std::string scratch_;
  const Dataset* base_ = nullptr;
  std::size_t first_[enum_count<Table>()] = {};
  Owner register_record_{Table::sources, 0};  // the record whose id is read next
  std::unordered_map<std::string, Owner> ids_[kIdSpaces];
};

}  // namespace

Dataset load_dataset(std::string_view text, const std::string& origin) {
  JsonPull in(text, origin);
  Dataset ds = Reader(in, origin).read();
  ds.origin = origin;
  return ds;
}

Dataset load_overlay(const Dataset& base, std::string_view text, const std::string& origin) {
  JsonPull in(text, origin);
  Dataset ds = Reader(in, origin, &base).read();
  ds.origin = base.origin + " + " + origin;
  return ds;
}

namespace {

// A file, or "-" for standard input, read as it is parsed: a dataset, or
// with a base an overlay of it.
Dataset load_file(const std::string& path, const Dataset* base) {
  auto finish = [&](JsonPull& in, const std::string& origin) {
    Dataset ds = Reader(in, origin, base).read();
    ds.origin = base != nullptr ? base->origin + " + " + origin : origin;
    return ds;
  };
  if (path == "-") {
    const std::string origin = "standard input";
    JsonPull in(stdin, kMaxFileBytes, origin);
    return finish(in, origin);
  }
  const std::string shown = text::sanitize(path);
  const char* hint = "check the file's path and permissions";
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw DataError(fmt::format("cannot open '{}': {}", shown, std::strerror(errno)), hint);
  }
  if (S_ISDIR(st.st_mode)) throw DataError(fmt::format("'{}' is a directory", shown), hint);
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > kMaxFileBytes) {
    throw DataError(fmt::format("'{}' is larger than {} MiB", shown, kMaxFileBytes >> 20),
                    "split the data, or leave out what the commands do not need");
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw DataError(fmt::format("cannot open '{}': {}", shown, std::strerror(errno)), hint);
  JsonPull in(f.get(), kMaxFileBytes, path);
  return finish(in, path);
}

}  // namespace

Dataset load_dataset_file(const std::string& path) {
  return load_file(path, nullptr);
}

Dataset load_overlay_file(const Dataset& base, const std::string& path) {
  return load_file(path, &base);
}

}  // namespace mgcramp
