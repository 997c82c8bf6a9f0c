# A PyQt6 program for tst_handlers: two timer handlers freeze its window, one waiting (a sleep)
# and one computing, each for the milliseconds given as the first argument.
import sys
import time

from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QApplication, QLabel

FREEZE_S = (int(sys.argv[1]) if len(sys.argv) > 1 else 300) / 1000


def wait_for_reply():
    time.sleep(FREEZE_S)


def compute_checksum():
    end = time.monotonic() + FREEZE_S
    total = 0
    while time.monotonic() < end:
        for i in range(1000):
            total = (total * 31 + i) % 1000003
    return total


def main():
    app = QApplication(sys.argv)
    label = QLabel("watched")
    label.show()
    QTimer.singleShot(500, wait_for_reply)
    QTimer.singleShot(500 + int(FREEZE_S * 1000) + 300, compute_checksum)
    QTimer.singleShot(500 + 2 * int(FREEZE_S * 1000) + 600, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
