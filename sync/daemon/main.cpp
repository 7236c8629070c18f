// kiosk-syncd: the only writer of content.db. Verifies signed channels and applies them atomically.
#include <iostream>

int main(int argc, char** argv) {
    (void)argv;
    std::cerr << "usage: kiosk-syncd --data DIR --source URL --trust PUBLIC [--once] [--config FILE]\n"
                 "kiosk-syncd: channel sync is not implemented yet (see issue 5)\n";
    return argc > 1 ? 2 : 2;
}
