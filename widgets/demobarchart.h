#pragma once

#include <QChartView>
#include <QList>
#include <QPair>
#include <QString>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

// A demo's measured bars (label -> value) as a horizontal bar chart, each bar labelled with its
// value, drawn in the widget's palette.
class DemoBarChart : public QChartView
{
    Q_OBJECT
public:
    explicit DemoBarChart(QWidget *parent = nullptr);

    void setBars(const QList<QPair<QString, double>> &bars, const QString &unit);
    void clear();
    const QList<QPair<QString, double>> &bars() const { return m_bars; }

    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyPalette();

    QChart *m_chart = nullptr;
    QList<QPair<QString, double>> m_bars;
    QString m_unit;
};
