#pragma once
// Typed model of the mgcramp dataset (data/mgcramp.json). Field names follow
// the JSON keys; see data/SCHEMA.md for their meaning.
#include <optional>
#include <string>
#include <vector>

namespace mgcramp {

// A reference, article, database or study that records cite by id.
struct Source {
  std::string id;
  std::string kind;  // article | reference | dataset | database | regulation
  std::string title;
  std::optional<std::string> publisher;
  std::optional<std::string> authors;
  std::optional<std::string> date;
  std::optional<std::string> url;
  bool commercial_interest = false;
  std::optional<std::string> commercial_note;
  std::optional<std::string> notes;
};

// A caution or explanation shown next to answers (the UL covers supplements
// only, kidney disease, ...). Records point at notices by id.
struct Notice {
  std::string id;
  std::string text;
  bool caution = false;  // a safety caution rather than an explanation
  std::vector<std::string> sources;
};

enum class Sex { female, male };
enum class SexScope { any, female, male };  // who a reference value applies to
enum class Condition { none, pregnant, lactating };

// One Dietary Reference Intake row for a life stage.
struct Intake {
  std::string id;
  std::string life_stage;
  double age_from_months = 0;           // inclusive
  std::optional<double> age_to_months;  // exclusive; none = open-ended
  SexScope sex = SexScope::any;
  Condition condition = Condition::none;
  std::string kind;                          // "RDA" or "AI"
  double rda_mg = 0;                         // the RDA, or the AI when kind is AI
  std::optional<double> ear_mg;              // Estimated Average Requirement
  std::optional<double> ul_supplemental_mg;  // Tolerable Upper Intake Level (supplements)
  std::vector<std::string> notices;
  std::vector<std::string> sources;
};

struct Dataset {
  int schema_version = 0;
  std::string origin;  // file name, or "<embedded>"
  std::vector<Source> sources;
  std::vector<Notice> notices;
  std::vector<Intake> intakes;

  const Source* find_source(const std::string& id) const;
  const Notice* find_notice(const std::string& id) const;
};

const char* to_string(Sex s);
const char* to_string(SexScope s);
const char* to_string(Condition c);

}  // namespace mgcramp
