#pragma once

// Installs AsyncLab's translations on the application object: English first, for the plural
// forms ("1 line", "2 lines"), then the user's language where a catalogue for it exists; and Qt's
// own strings in that language. Call once the application object exists.
void installTranslations();
