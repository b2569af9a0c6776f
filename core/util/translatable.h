// A text worked out again in whatever language the UI speaks now. Labels are made once and shown
// long after (a run's name in the table and on the timeline, a status message, the error banner);
// keeping how to make them, not what they said, lets them follow a language switch.
#pragma once

#include <QString>

#include <concepts>
#include <functional>

namespace cl {

class Translatable {
public:
    Translatable() = default;
    Translatable(QString fixed) : make_([s = std::move(fixed)] { return s; }) { } // a name, a number
    template <std::invocable F>
    requires std::convertible_to<std::invoke_result_t<F>, QString> Translatable(F make) : make_(std::move(make)) { }

    QString text() const { return make_ ? make_() : QString(); }
    bool isEmpty() const { return !make_; }

private:
    std::function<QString()> make_;
};

} // namespace cl
