// Every remembered setting in one typed place (QSettings underneath).
#pragma once

#include "experiment/experiment.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <memory>

namespace ui {

class Settings {
public:
    Settings(); // the user's settings file
    explicit Settings(const QString &iniPath); // a given file (tests, screenshots)
    Settings(Settings &&) noexcept = default;
    Settings &operator=(Settings &&) noexcept = default;
    ~Settings();

    QString fileName() const; // where the settings live; the run history is kept beside them
    cl::ExperimentSpec lastSpec() const;
    void setLastSpec(const cl::ExperimentSpec &spec);
    int lessonRow() const;
    void setLessonRow(int row);
    QByteArray geometry() const;
    void setGeometry(const QByteArray &g);
    int samplingHz() const; // 1..20
    void setSamplingHz(int hz);
    int cpuWindowS() const; // how much CPU history the graphs show: 10, 20 (the default) or 60 s
    void setCpuWindowS(int seconds);
    bool timingsLogScale() const;
    void setTimingsLogScale(bool on);
    int serverDelayMs() const;
    void setServerDelayMs(int ms);
    QString language() const; // "en", "ru" or empty (system)
    void setLanguage(const QString &lang);
    int exportScale() const; // 1 or 2
    void setExportScale(int scale);
    QString pythonInterpreter() const; // the CPython engine's: a path, or empty for python3 on PATH
    void setPythonInterpreter(const QString &python);
    QList<cl::Engine> engines() const; // what runs the experiments: emulated (the default), CPython or both
    void setEngines(const QList<cl::Engine> &engines);
    QString exportFolder() const;
    void setExportFolder(const QString &dir);
    void sync();

private:
    QVariant value(const QString &key, const QVariant &fallback) const;
    void setValue(const QString &key, const QVariant &v);
    std::unique_ptr<QSettings> settings_; // one instance: Qt writes the file back lazily
};

} // namespace ui
