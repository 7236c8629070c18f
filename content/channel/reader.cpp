// Walks a channel folder and reports every problem, for technicians checking a USB stick.
#include "content/channel/reader.h"

#include "content/channel/object.h"
#include "content/channel/writer.h"
#include "content/date_time.h"
#include "content/file_read.h"

namespace content::channel {
namespace fs = std::filesystem;
namespace {

std::string read_or_throw(const fs::path& path, uint64_t cap) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw ChannelError(ChannelError::Kind::Usage,
                           path.string() + " is missing; is this a channel folder?");
    }
    try {
        return read_file_capped(path, cap);
    } catch (const std::exception& e) {
        throw ChannelError(ChannelError::Kind::Io, e.what());
    }
}

// Reads an object file, or records why not and returns nothing.
std::optional<std::string> read_object(const fs::path& dir, const std::string& sha, uint64_t size,
                                       const std::string& name, ChannelReport& report) {
    const fs::path path = dir / k_objects_dir / sha;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        report.problems.push_back(name + ": objects/" + sha + " is missing");
        return std::nullopt;
    }
    try {
        return read_file_capped(path, size + 1);
    } catch (const std::exception& e) {
        report.problems.push_back(name + ": " + e.what());
        return std::nullopt;
    }
}

void check_objects(const fs::path& dir, const ChannelManifest& m, ChannelReport& report) {
    const auto assets = assets_by_hash(m);
    for (const ManifestItem& item : m.items) {
        const auto bytes = read_object(dir, item.sha256, item.size, "notice " + item.id, report);
        if (!bytes) {
            continue;
        }
        NoticeObject object = read_notice_object(item, *bytes, assets);
        if (object.problem) {
            report.problems.push_back(object.problem->message);
        } else {
            report.notices.push_back(std::move(*object.notice));
        }
    }
    for (const ManifestAsset& asset : m.assets) {
        const std::string name = "asset " + asset.sha256.substr(0, 12) + "…";
        if (const auto bytes = read_object(dir, asset.sha256, asset.size, name, report)) {
            if (auto problem = check_object_bytes(name, asset.size, asset.sha256, *bytes)) {
                report.problems.push_back(problem->message);
            }
        }
    }
}

}  // namespace

ChannelReport read_channel_folder(const fs::path& dir,
                                  const std::vector<minisign::PublicKey>& trusted,
                                  SignatureCheck check, int64_t now) {
    ChannelReport report;
    const std::string manifest_text = read_or_throw(dir / k_manifest_file, k_max_manifest_bytes);
    if (check == SignatureCheck::Required) {
        std::error_code ec;
        if (!fs::exists(dir / k_signature_file, ec)) {
            report.problems.push_back(std::string(k_signature_file) + " is missing: unsigned");
        } else {
            const std::string sig =
                read_or_throw(dir / k_signature_file, minisign::k_max_signature_file_bytes);
            const minisign::Verification v = minisign::verify(manifest_text, sig, trusted);
            if (v.status == minisign::VerifyStatus::Verified) {
                report.signer_key_id = minisign::key_id_hex(v.key_id);
                report.trusted_comment = v.trusted_comment;
            } else {
                report.problems.push_back("signature: " + v.message);
            }
        }
    }
    ManifestParse parsed = parse_manifest(manifest_text);
    if (!parsed.manifest) {
        report.problems.push_back(std::string(k_manifest_file) + ": " + parsed.error);
        return report;
    }
    report.manifest = std::move(parsed.manifest);
    if (report.manifest->expires <= now) {
        report.problems.push_back("the manifest expired at " +
                                  format_date_time(report.manifest->expires) +
                                  " (Beijing time); boards refuse it: publish it again");
    }
    check_objects(dir, *report.manifest, report);
    return report;
}

}  // namespace content::channel
