#pragma once
// The dataset compiled into the binary: data/mgcramp.json as the build
// validated it, read back from its snapshot (snapshot.hpp) without parsing
// JSON. Defined in the mgcramp_embedded library (src/io/embedded.cpp), which
// programs and tests link besides mgcramp_core: the build-time tool that
// writes the snapshot links the core before any snapshot exists.
#include "mgcramp/model/records.hpp"
#include "mgcramp/model/tables.hpp"

namespace mgcramp {

// Its origin is "<embedded>/data/mgcramp.json".
Dataset load_embedded_dataset();

// The embedded dataset, read on first use and kept for the life of the
// process: never freed, so a query does not pay for tearing it down at exit.
// Only the tables in `tables` are read (a command names those it uses); the
// others are empty until a later call asks for them.
const Dataset& embedded_dataset(TableSet tables = every_table());

// data/SCHEMA.md as the build found it: the dataset's documentation.
std::string_view schema_document();

// The part of it about one record type or table ("study", "studies",
// "Study", "cue patterns"): from its heading to the next heading of the same
// or a higher level. Empty when no heading names it.
std::string_view schema_section(std::string_view doc, std::string_view name);

}  // namespace mgcramp
