// The lesson's second section: every experiment in it can run as listed.
#include <catch2/catch.hpp>

#include "experiment/beyond.h"
#include "helpers.h"
#include "strategies/strategy.h"

using namespace cl;

TEST_CASE("every experiment beyond the notebook is valid as listed and says what to watch for", "[beyond]")
{
    const QList<BeyondExperiment> beyond = beyondExperiments(QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("http://127.0.0.1:2/"));
    REQUIRE(beyond.size() >= 6);
    QList<Strategy> strategies;
    for (const BeyondExperiment &e : beyond) {
        INFO(e.title);
        CHECK(QByteArray(e.watchFor).size() > 10);
        CHECK(QByteArray(e.python).size() > 3);
        switch (e.kind) {
        case BeyondExperiment::Kind::Runs:
            REQUIRE_FALSE(e.runs.isEmpty());
            for (const ExperimentSpec &s : e.runs) {
                CHECK(validate(s).isEmpty());
                strategies.append(s.strategy);
            }
            break;
        case BeyondExperiment::Kind::Race:
            REQUIRE(e.races.size() == 3);
            for (const RaceSpec &s : e.races)
                CHECK(validate(s).isEmpty());
            break;
        case BeyondExperiment::Kind::Convoy:
            REQUIRE(e.convoys.size() == 4);
            for (const ConvoySpec &s : e.convoys)
                CHECK(validate(s).isEmpty());
            break;
        }
    }
    CHECK(strategies.contains(Strategy::Interpreters));
    CHECK(strategies.contains(Strategy::Async)); // the memory comparison
}

TEST_CASE("lesson --part beyond is a part the CLI knows, and a wrong part is refused", "[beyond][cli]")
{
    QByteArray out, err;
    CHECK(test::runApp({QStringLiteral("lesson"), QStringLiteral("--part"), QStringLiteral("nope")}, &out, &err) == 2);
    CHECK(err.contains("beyond"));
    CHECK(test::runApp({QStringLiteral("lesson"), QStringLiteral("--help")}, &out, &err) == 0);
    CHECK(out.contains("beyond"));
}
