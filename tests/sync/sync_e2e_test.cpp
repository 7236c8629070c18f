// End to end with the real programs: kiosk-publish keygen/build, Python's http.server on
// 127.0.0.1 (an ordinary static web server the project does not control), kiosk-syncd --once,
// and what the kiosk reads through a read-only Store.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>

#include "content/source_tree.h"
#include "content/store.h"
#include "sync/sync_status.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

namespace fs = std::filesystem;

namespace {

std::string bin(const char* name) {
    return (test_paths::bin_dir() / name).string();
}

// python3 -m http.server on a free port, serving `root`.
class PythonServer {
public:
    explicit PythonServer(const fs::path& root)
        : m_child({"python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
                   root.string()}) {
        const std::regex port_re("port ([0-9]+)");
        for (int i = 0; i < 100 && m_port == 0; ++i) {
            m_child.drain(100);
            std::smatch m;
            if (std::regex_search(m_child.out(), m, port_re))
                m_port = std::stoi(m[1]);
        }
        REQUIRE_MESSAGE(m_port != 0, ("python3 http.server did not start: " + m_child.err()));
    }
    ~PythonServer() { m_child.kill(SIGTERM); }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(m_port) + "/" + path;
    }
    // The request log ("GET /channel/manifest.json HTTP/1.1" 304 -), read so far.
    std::string log() {
        m_child.drain(200);
        return m_child.err();
    }

private:
    test_process::Child m_child;
    int m_port = 0;
};

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// What the kiosk shows: every notice through a read-only Store, as the kiosk opens it.
std::map<std::string, content::Notice> kiosk_view(const fs::path& data) {
    content::Store store =
        content::Store::open((data / "content.db").string(), content::OpenMode::ReadOnly);
    std::map<std::string, content::Notice> out;
    content::Statement st = store.database().prepare("SELECT id FROM notices");
    std::vector<std::string> ids;
    while (st.step())
        ids.push_back(st.column_text(0));
    for (const std::string& id : ids) {
        if (auto n = store.notice(id))
            out.emplace(id, *n);
    }
    return out;
}

std::map<std::string, content::Notice> for_board(const content::SourceTree& tree,
                                                 const std::string& board) {
    std::map<std::string, content::Notice> out;
    for (const content::Notice& n : tree.notices) {
        if (content::targets_board(n, board))
            out.emplace(n.id, n);
    }
    return out;
}

struct Published {
    fs::path dir;
    std::string key, pub, channel;
};

Published keygen_and_build(const std::string& name, const fs::path& source) {
    Published p;
    p.dir = test_paths::scratch_dir(name);
    p.key = (p.dir / "keys/community.key").string();
    p.pub = (p.dir / "keys/community.pub").string();
    p.channel = (p.dir / "www/channel").string();
    const auto keygen =
        test_process::run({bin("kiosk-publish"), "keygen", "--secret", p.key, "--public", p.pub});
    REQUIRE_MESSAGE(keygen.exit_code == 0, keygen.err);
    const auto build = test_process::run({bin("kiosk-publish"), "build", source.string(), "--key",
                                          p.key, "--out", p.channel, "--channel", "guihuali"});
    REQUIRE_MESSAGE(build.exit_code == 0, build.err);
    return p;
}

test_process::Result syncd_once(const Published& p, const std::string& source,
                                const std::string& board = "guihuali-hall") {
    return test_process::run({bin("kiosk-syncd"), "--once", "--data", (p.dir / "data").string(),
                              "--source", source, "--trust", p.pub, "--board", board});
}

}  // namespace

TEST_CASE("publish the sample, serve it with python http.server, sync it, read it as the kiosk") {
    Published p = keygen_and_build("e2e-http", test_paths::sample_dir());
    // Published two minutes ago: a Last-Modified within a second of the response is weak and
    // (rightly) not used for conditional requests, see http_source.cpp.
    fs::last_write_time(p.channel + "/manifest.json",
                        fs::file_time_type::clock::now() - std::chrono::minutes(2));
    PythonServer server(p.dir / "www");
    const auto first = syncd_once(p, server.url("channel"));
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    CHECK(first.err.find("applied version 1 of channel guihuali") != std::string::npos);

    const content::SourceTree sample = content::load_source_tree(test_paths::sample_dir());
    const auto expected = for_board(sample, "guihuali-hall");
    const auto shown = kiosk_view(p.dir / "data");
    CHECK(shown.size() == expected.size());
    CHECK(shown == expected);
    CHECK(expected.size() < sample.notices.size());  // some sample notices are for the gates
    {
        content::Store store =
            content::Store::open((p.dir / "data/content.db").string(), content::OpenMode::ReadOnly);
        for (const auto& [sha, asset] : sample.assets) {
            CHECK(store.asset(sha) == asset.bytes);
        }
        const sync_core::SyncStatus status = sync_core::read_sync_status(store);
        CHECK(status.applied_version == 1);
        CHECK(status.applied_channel == "guihuali");
        CHECK(status.last_result == "applied");
    }

    // A second run finds the channel unchanged: one conditional request answered 304, and the
    // database files are not touched.
    const std::string db_before =
        file_bytes(p.dir / "data/content.db") + file_bytes(p.dir / "data/content.db-wal");
    const auto again = syncd_once(p, server.url("channel"));
    CHECK_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.err.find("current") != std::string::npos);
    CHECK(server.log().find("\"GET /channel/manifest.json HTTP/1.1\" 304") != std::string::npos);
    CHECK(file_bytes(p.dir / "data/content.db") + file_bytes(p.dir / "data/content.db-wal") ==
          db_before);
}

TEST_CASE("an edited community republished over HTTP reaches the kiosk: changed, added, removed") {
    const fs::path work = test_paths::scratch_dir("e2e-edit-source");
    fs::copy(test_paths::sample_dir(), work / "sample", fs::copy_options::recursive);
    Published p = keygen_and_build("e2e-edit", work / "sample");
    PythonServer server(p.dir / "www");
    REQUIRE(syncd_once(p, server.url("channel")).exit_code == 0);

    const fs::path notices = work / "sample/notices";
    fs::remove(notices / "affairs/affairs-2026-anti-fraud.md");
    std::ofstream(notices / "announcement/announcement-2026-12-lift-check.md")
        << "---\ntitle: 电梯年检通知\ncategory: 公告\ndepartment: 桂花里物业\ndate: 2026-11-25\n"
           "---\n12月3日对5幢电梯进行年检，请居民错峰出行。\n";
    const fs::path edited = notices / "announcement/announcement-2026-12-power-outage.md";
    std::string text = file_bytes(edited);
    text.replace(text.find("8:30"), 4, "9:00");
    std::ofstream(edited, std::ios::binary | std::ios::trunc) << text;
    const auto build = test_process::run({bin("kiosk-publish"), "build", (work / "sample").string(),
                                          "--key", p.key, "--out", p.channel});
    REQUIRE_MESSAGE(build.exit_code == 0, build.err);
    CHECK(build.out.find("version 2") != std::string::npos);
    CHECK(build.out.find(" 2 object(s) written") != std::string::npos);

    const auto second = syncd_once(p, server.url("channel"));
    REQUIRE_MESSAGE(second.exit_code == 0, second.err);
    CHECK(second.err.find("2 new or changed, 1 removed") != std::string::npos);
    const auto shown = kiosk_view(p.dir / "data");
    CHECK(shown == for_board(content::load_source_tree(work / "sample"), "guihuali-hall"));
    CHECK(shown.count("announcement-2026-12-lift-check") == 1);
    CHECK(shown.count("affairs-2026-anti-fraud") == 0);
    CHECK(shown.at("announcement-2026-12-power-outage").body.find("9:00") != std::string::npos);
}

TEST_CASE("kiosk-syncd --once from a USB folder, and its exit codes and messages") {
    Published p = keygen_and_build("e2e-usb", test_paths::sample_dir());
    const std::string stick = "file://" + p.channel;
    const auto applied = syncd_once(p, stick);
    CHECK_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(syncd_once(p, stick).exit_code == 0);  // already current

    // Refused (1): a key the board does not trust; the reason is on stderr.
    const std::string other = (p.dir / "keys/other.pub").string();
    REQUIRE(test_process::run({bin("kiosk-publish"), "keygen", "--secret",
                               (p.dir / "keys/other.key").string(), "--public", other})
                .exit_code == 0);
    const auto before = kiosk_view(p.dir / "data");
    const auto refused =
        test_process::run({bin("kiosk-syncd"), "--once", "--data", (p.dir / "data").string(),
                           "--source", stick, "--trust", other, "--board", "guihuali-hall"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("not a trusted key") != std::string::npos);
    CHECK(kiosk_view(p.dir / "data") == before);

    // Failed (3): nothing at the address.
    const auto missing = syncd_once(p, "file://" + (p.dir / "no-stick").string());
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("no-stick") != std::string::npos);
    const auto unreachable = syncd_once(p, "http://127.0.0.1:1/channel");
    CHECK(unreachable.exit_code == 3);

    // Usage (2): no trusted key, an unknown scheme, a bad key.
    CHECK(test_process::run({bin("kiosk-syncd"), "--once", "--data", (p.dir / "data").string(),
                             "--source", stick, "--config", (p.dir / "none.toml").string()})
              .exit_code == 2);
    const auto bad_key =
        test_process::run({bin("kiosk-syncd"), "--once", "--data", (p.dir / "data").string(),
                           "--source", stick, "--trust", "RWQnotakey"});
    CHECK(bad_key.exit_code == 2);
    CHECK(bad_key.err.find("not a minisign public key") != std::string::npos);
    const auto ftp = syncd_once(p, "ftp://example.org/channel");
    CHECK(ftp.exit_code == 3);
    CHECK(ftp.err.find("not a channel address") != std::string::npos);
}

TEST_CASE("kiosk-syncd reads board id, sources, keys and data dir from kiosk.toml") {
    Published p = keygen_and_build("e2e-config", test_paths::sample_dir());
    const std::string pub_line = [&] {
        const std::string text = file_bytes(p.pub);
        const size_t nl = text.find('\n');
        return text.substr(nl + 1, text.find('\n', nl + 1) - nl - 1);
    }();
    const fs::path config = p.dir / "kiosk.toml";
    std::ofstream(config) << "[board]\nid = \"guihuali-gate-1\"\ndata_dir = \""
                          << (p.dir / "data").string() << "\"\n[sync]\nsources = [\"file://"
                          << p.channel << "\"]\ntrusted_keys = [\"" << pub_line << "\"]\n";
    const auto r = test_process::run({bin("kiosk-syncd"), "--once", "--config", config.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(kiosk_view(p.dir / "data") ==
          for_board(content::load_source_tree(test_paths::sample_dir()), "guihuali-gate-1"));
}
