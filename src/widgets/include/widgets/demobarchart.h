#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

// A demo's measured bars (label -> value) as a horizontal bar chart, painted by hand: each bar
// labelled with its value, "0" included, so a zero reads as a measurement and not as missing data;
// whole-number ticks when every value is a count; a title over the categories, the unit under
// the values, and an optional note about what the bars are.
class DemoBarChart : public QWidget
{
    Q_OBJECT
public:
    explicit DemoBarChart(QWidget *parent = nullptr);

    void setBars(const QList<QPair<QString, double>> &bars, const QString &unit,
                 const QString &categoryTitle = {}, const QString &note = {});
    void clear();
    const QList<QPair<QString, double>> &bars() const { return m_bars; }
    QString unit() const { return m_unit; }
    QString categoryTitle() const { return m_categoryTitle; }
    QString note() const { return m_note; }

    // What is drawn, for tests: the value axis ticks and each bar's label.
    QList<double> ticks() const;
    QStringList valueLabels() const;
    static QString valueLabel(double value);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QPair<QString, double>> m_bars;
    QString m_unit;
    QString m_categoryTitle;
    QString m_note;
};
