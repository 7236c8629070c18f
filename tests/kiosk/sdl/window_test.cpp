// The same frame in a real window (Xvfb) as headless: the window path, the frame textures and the
// rotation give pixel-identical output to --screenshot.
#include <doctest/doctest.h>

#include <SDL.h>
#include <SDL_image.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "tests/sample_db.h"

namespace {

// Reads the 24/32-bit TrueColor framebuffer that `Xvfb -fbdir` keeps in XWD format.
bool read_xwd(const std::filesystem::path& path, int& w, int& h, std::vector<uint32_t>& pixels) {
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    if (data.size() < 100)
        return false;
    auto field = [&](int i) {
        const unsigned char* p = data.data() + 4 * i;
        return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
    };
    const uint32_t header = field(0), bpp = field(11), bpl = field(12), ncolors = field(19);
    w = static_cast<int>(field(4));
    h = static_cast<int>(field(5));
    const size_t offset = header + ncolors * 12;
    if (bpp != 32 || data.size() < offset + size_t{bpl} * static_cast<size_t>(h))
        return false;
    pixels.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const unsigned char* p =
                data.data() + offset + static_cast<size_t>(y) * bpl + static_cast<size_t>(x) * 4;
            pixels[static_cast<size_t>(y * w + x)] =
                (uint32_t{p[2]} << 16) | (uint32_t{p[1]} << 8) | p[0];
        }
    }
    return true;
}

pid_t spawn(const std::string& command) {
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), nullptr);
        _exit(127);
    }
    return pid;
}

void stop(pid_t pid) {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
}

}  // namespace

TEST_CASE("a window under Xvfb shows exactly the headless frame, upright and rotated") {
    if (std::system("command -v Xvfb >/dev/null 2>&1") != 0) {
        MESSAGE("Xvfb is not installed; ./dev deps installs it");
        return;
    }
    const auto data = test_fixtures::sample_data_dir("window");
    const auto fb = data / "fb";
    std::filesystem::create_directories(fb);
    const std::string display = ":" + std::to_string(80 + getpid() % 15);
    const pid_t xvfb = spawn("Xvfb " + display + " -screen 0 1366x768x24 -fbdir " + fb.string() +
                             " -nolisten tcp 2>/dev/null");
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const std::string kiosk = (test_paths::bin_dir() / "kiosk").string() + " --data " +
                              data.string() + " --now '2026-11-27 10:00' --size 1366x768";
    for (int rotation : {0, 180}) {
        CAPTURE(rotation);
        const auto config = data / ("rot" + std::to_string(rotation) + ".toml");
        std::ofstream(config) << "[board]\nname = \"桂花里社区\"\n[display]\nrotation = "
                              << rotation << "\n";
        const auto png = data / ("headless" + std::to_string(rotation) + ".png");
        REQUIRE(std::system((kiosk + " --config " + config.string() + " --screenshot " +
                             png.string() + " 2>/dev/null")
                                .c_str()) == 0);
        const pid_t window = spawn("env DISPLAY=" + display + " " + kiosk + " --config " +
                                   config.string() + " --windowed 2>/dev/null");
        std::this_thread::sleep_for(std::chrono::seconds(3));
        int w = 0, h = 0;
        std::vector<uint32_t> screen;
        const bool read = read_xwd(fb / "Xvfb_screen0", w, h, screen);
        stop(window);
        REQUIRE(read);
        SDL_Surface* headless = IMG_Load(png.string().c_str());
        REQUIRE(headless);
        SDL_Surface* rgb = SDL_ConvertSurfaceFormat(headless, SDL_PIXELFORMAT_ARGB8888, 0);
        REQUIRE(rgb->w == w);
        REQUIRE(rgb->h == h);
        int differing = 0;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                // Rotation 180 turns the headless (logical) frame upside down on the panel.
                const int sx = rotation == 180 ? w - 1 - x : x,
                          sy = rotation == 180 ? h - 1 - y : y;
                const uint32_t a =
                    static_cast<const uint32_t*>(rgb->pixels)[sy * rgb->pitch / 4 + sx] & 0xFFFFFF;
                differing += a != screen[static_cast<size_t>(y * w + x)];
            }
        }
        CHECK(differing == 0);
        SDL_FreeSurface(rgb);
        SDL_FreeSurface(headless);
    }
    stop(xvfb);
}
