#include <catch2/catch.hpp>

#include "experiment/resultjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace cl;

TEST_CASE("results survive a JSON round trip", "[json]")
{
    Report rep;
    rep.params.workload = Workload::Io;
    rep.params.requests = 100;
    rep.params.url = QStringLiteral("http://127.0.0.1:8000/");
    RunResult run;
    run.wallS = 0.25;
    run.cpuUserS = 0.01;
    run.cpuSysS = 0.02;
    run.peakMemBytes = 12345678;
    run.items = 99;
    run.errors = 1;
    run.errorMessages = {QStringLiteral("timed out")};
    run.spans = {Span{3, WorkerKind::Task, WorkerState::WaitIo, 0.001, 0.2}};
    run.latenciesMs = {100.5, 120.25};
    rep.results.append(ExperimentResult{Strategy::Async, 100, true, {run, run}, 100});

    const QJsonObject json = toJson(rep);
    CHECK(json["workload"].toString() == QLatin1String("io"));
    const QJsonObject first = json["results"].toArray().first().toObject();
    CHECK(first["best_s"].toDouble() == 0.25);
    CHECK(first["runs"].toArray().first().toObject()["latency_ms"].toObject()["max"].toDouble() == 120.25);

    const QByteArray text = QJsonDocument(json).toJson();
    QString error;
    const auto back = reportFromJson(QJsonDocument::fromJson(text).object(), &error);
    REQUIRE(back);
    CHECK(back->params.url == rep.params.url);
    CHECK(back->params.requests == 100);
    REQUIRE(back->results.size() == 1);
    CHECK(back->results.first().strategy == Strategy::Async);
    CHECK(back->results.first().runs.first() == run);
    CHECK_FALSE(reportFromJson(QJsonObject{{"workload", "gpu"}}, &error));
}
