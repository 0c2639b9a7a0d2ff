#pragma once
// `mgcramp assess`: who is asking (a profile, the kind of cramps, their
// medicines and conditions, optionally a day's intake), typed.
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"
#include "mgcramp/query/profile.hpp"
#include "mgcramp/query/supplements.hpp"

namespace mgcramp {

struct AssessQuery {
  Profile profile;
  std::optional<CrampKind> cramps;
  std::vector<const Medicine*> medicines;
  std::vector<const MedicalCondition*> conditions;
  std::vector<FoodServing> foods;
  std::vector<SupplementDose> supplements;
};

// A medicine by id, generic or brand name (any case: "Prilosec",
// "omeprazole"). Unknown: a UsageError with the closest name, where the list
// is, and that absence from this dataset is not evidence of no interaction;
// `option` is the command line's name for the value, for the message.
const Medicine& resolve_medicine(const Dataset& ds, const std::string& name,
                                 const std::string& option);

// One medicine looked up for `interactions --med NAME`: the dataset's record
// of it, where there is one, and the interaction records that name it (the
// record it links to, or those whose examples name it: "lansoprazole
// (Prevacid)" is found by "lansoprazole" or "prevacid"). Neither: the
// UsageError of resolve_medicine.
struct MedicineLookup {
  std::string name;  // as asked, trimmed
  const Medicine* medicine = nullptr;
  std::vector<const Interaction*> interactions;
};
MedicineLookup lookup_medicine(const Dataset& ds, const std::string& name,
                               const std::string& option);

// A condition by id, name or alias, any case ("CKD", "celiac disease").
const MedicalCondition& resolve_condition(const Dataset& ds, const std::string& name,
                                          const std::string& option);

// The population whose evidence applies: pregnancy for a pregnant profile or
// pregnancy cramps, exercise for exercise cramps, else idiopathic (adults'
// night cramps); none for "other" cramps.
std::optional<Population> assess_population(const AssessQuery& q);

}  // namespace mgcramp
