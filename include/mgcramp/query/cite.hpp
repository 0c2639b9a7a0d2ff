#pragma once
// Citations of studies and sources: the queries behind `mgcramp cite`.
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

// A study or a source (exactly one is set).
struct Citable {
  const Study* study = nullptr;
  const Source* source = nullptr;

  const std::string& id() const { return study != nullptr ? study->id : source->id; }
};

// The studies and sources with these ids (any case), PMIDs or DOIs, in the
// order given and without repeats; a claim's id stands for the evidence its
// verdict cites. Unknown ids and ids of other records (a food) are
// UsageErrors with a suggestion.
std::vector<Citable> resolve_citables(const Dataset& ds, const std::vector<std::string>& ids);

// Whether every one of `ids` names a study or a source (by id, PMID or DOI):
// if so, resolve_citables needs no other table.
bool all_citable(const Dataset& ds, const std::vector<std::string>& ids);

// Every study, then every source.
std::vector<Citable> all_citables(const Dataset& ds);

// An author: a person ("de Baaij", "JHF") or, with no initials, an
// organisation ("NIH Office of Dietary Supplements").
struct Author {
  std::string family;
  std::string initials;
};

// The authors of a study (its "Surname IN, ..." list, or its first author
// followed by `others`) or of a source (its authors, else its publisher).
struct AuthorList {
  std::vector<Author> names;
  bool others = false;  // the list ends in "et al." or is incomplete
};
AuthorList authors_of(const Citable& c);

// A study's year, or the year a source's date starts with.
std::optional<int> citation_year(const Citable& c);

}  // namespace mgcramp
