#pragma once

class QWidget;
struct Recording;

// Asks where to save `recording`, as a trace (Chrome Trace Event Format: Perfetto, Qt Creator)
// or as a profile of its stalls (speedscope), by the file type chosen; says why when it cannot.
void saveRecordingAs(QWidget *parent, const Recording &recording);
