// The GIL pitfalls page: the race (expected, got, lost, with the GIL, free-threaded and with a
// lock) and the convoy (the IO thread's p50, p99 and requests per second beside CPU-bound work),
// each variant a row, as the runner delivers them. The convoy's timeline and latency histogram are
// on the Timeline page.
#pragma once

#include "run/pitfallrunner.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QTableWidget;

namespace ui {

class PitfallsPage : public QWidget {
    Q_OBJECT
public:
    explicit PitfallsPage(QWidget *parent = nullptr);
    // Follows `runner`: a new batch clears its table, each result adds a row.
    void watch(const cl::PitfallRunner &runner);
    void addRace(const cl::RaceSpec &spec, const cl::RaceResult &result);
    void addConvoy(const cl::ConvoySpec &spec, const cl::ConvoyResult &result);
    void clearRaces();
    void clearConvoys();
    QTableWidget *raceTable() const { return races_; }
    QTableWidget *convoyTable() const { return convoys_; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rewriteRows(); // the rows' words in the UI's language

    QGroupBox *raceBox_ = nullptr;
    QGroupBox *convoyBox_ = nullptr;
    QLabel *raceHint_ = nullptr;
    QLabel *convoyHint_ = nullptr;
    QTableWidget *races_ = nullptr;
    QTableWidget *convoys_ = nullptr;
    QList<std::pair<cl::RaceSpec, cl::RaceResult>> raceRows_;
    QList<std::pair<cl::ConvoySpec, cl::ConvoyResult>> convoyRows_;
};

// "beside 1 CPU-bound thread", "alone", in the UI's language.
QString convoyBeside(const cl::ConvoySpec &spec);

} // namespace ui
