// GB/T 35965.1 / CAP early-warning messages through expat into a small bounded tree, then checked
// element by element.
#include "content/cap_message.h"

#include <expat.h>

#include <algorithm>
#include <array>
#include <memory>

#include "content/date_time.h"
#include "content/text_util.h"
#include "content/utf8.h"

namespace content {
namespace {

struct XmlNode {
    std::string name;  // local name, namespace dropped
    std::string text;
    int line = 0;
    std::vector<std::unique_ptr<XmlNode>> children;

    const XmlNode* child(std::string_view n) const {
        for (const auto& c : children) {
            if (c->name == n) {
                return c.get();
            }
        }
        return nullptr;
    }
    std::vector<const XmlNode*> all(std::string_view n) const {
        std::vector<const XmlNode*> out;
        for (const auto& c : children) {
            if (c->name == n) {
                out.push_back(c.get());
            }
        }
        return out;
    }
    std::string value(std::string_view n) const {
        const XmlNode* c = child(n);
        return c ? std::string(trim(c->text)) : std::string();
    }
};

// Builds the tree; any refusal stops the parser and keeps the first reason.
class TreeBuilder {
public:
    explicit TreeBuilder(XML_Parser parser) : m_parser(parser) {}

    static void on_start(void* self, const XML_Char* name, const XML_Char**) {
        static_cast<TreeBuilder*>(self)->start(name);
    }
    static void on_end(void* self, const XML_Char*) { static_cast<TreeBuilder*>(self)->end(); }
    static void on_text(void* self, const XML_Char* s, int len) {
        auto* b = static_cast<TreeBuilder*>(self);
        if (!b->m_stack.empty()) {
            b->m_stack.back()->text.append(s, static_cast<size_t>(len));
        }
    }
    static void on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        static_cast<TreeBuilder*>(self)->refuse(
            "the message has a DOCTYPE (a DTD); early-warning messages need none and boards do "
            "not read DTDs or entities, remove the <!DOCTYPE ...> line");
    }
    static void on_entity(void* self, const XML_Char* name, int, const XML_Char*, int,
                          const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
        static_cast<TreeBuilder*>(self)->refuse(std::string("the message declares an entity (") +
                                                name + "); entities are not allowed");
    }
    static int on_external(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                           const XML_Char*) {
        return XML_STATUS_ERROR;  // never fetch anything
    }

    void refuse(std::string why) {
        if (m_refusal.empty()) {
            m_refusal = "line " + std::to_string(XML_GetCurrentLineNumber(m_parser)) + ": " +
                        std::move(why);
        }
        XML_StopParser(m_parser, XML_FALSE);
    }

    std::unique_ptr<XmlNode> take_root() { return std::move(m_root); }
    const std::string& refusal() const { return m_refusal; }

private:
    void start(const XML_Char* qualified) {
        if (++m_elements > k_max_cap_elements) {
            return refuse("more than " + std::to_string(k_max_cap_elements) +
                          " elements; this is not an early-warning message");
        }
        if (m_stack.size() >= k_max_cap_depth) {
            return refuse("elements nest deeper than " + std::to_string(k_max_cap_depth));
        }
        std::string_view name(qualified);
        if (const size_t sep = name.rfind('\x01'); sep != std::string_view::npos) {
            name = name.substr(sep + 1);
        }
        auto node = std::make_unique<XmlNode>();
        node->name = std::string(name);
        node->line = static_cast<int>(XML_GetCurrentLineNumber(m_parser));
        XmlNode* raw = node.get();
        if (m_stack.empty()) {
            if (m_root) {
                return refuse("a second top-level element");
            }
            m_root = std::move(node);
        } else {
            m_stack.back()->children.push_back(std::move(node));
        }
        m_stack.push_back(raw);
    }
    void end() {
        if (!m_stack.empty()) {
            m_stack.pop_back();
        }
    }

    XML_Parser m_parser;
    std::unique_ptr<XmlNode> m_root;
    std::vector<XmlNode*> m_stack;
    size_t m_elements = 0;
    std::string m_refusal;
};

std::unique_ptr<XmlNode> parse_tree(std::string_view xml, std::string& error) {
    // '\x01' separates namespace and local name; it cannot occur in an XML name.
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
        XML_ParserCreateNS("UTF-8", '\x01'), &XML_ParserFree);
    if (!parser) {
        error = "out of memory";
        return nullptr;
    }
    XML_Parser p = parser.get();
    TreeBuilder builder(p);
    XML_SetUserData(p, &builder);
    XML_SetElementHandler(p, &TreeBuilder::on_start, &TreeBuilder::on_end);
    XML_SetCharacterDataHandler(p, &TreeBuilder::on_text);
    XML_SetStartDoctypeDeclHandler(p, &TreeBuilder::on_doctype);
    XML_SetEntityDeclHandler(p, &TreeBuilder::on_entity);
    XML_SetExternalEntityRefHandler(p, &TreeBuilder::on_external);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    const auto status = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
    if (!builder.refusal().empty()) {
        error = builder.refusal();
        return nullptr;
    }
    if (status != XML_STATUS_OK) {
        error = "line " + std::to_string(XML_GetCurrentLineNumber(p)) + ": not well-formed XML (" +
                XML_ErrorString(XML_GetErrorCode(p)) + ")";
        return nullptr;
    }
    return builder.take_root();
}

// Reads the required and optional elements, collecting every problem.
class Reader {
public:
    explicit Reader(std::vector<std::string>& errors) : m_errors(errors) {}

    void error(const XmlNode& at, const std::string& element, const std::string& what) {
        m_errors.push_back("line " + std::to_string(at.line) + ": <" + element + ">: " + what);
    }
    std::string required(const XmlNode& parent, const char* name, size_t max_chars) {
        std::string v = parent.value(name);
        if (v.empty()) {
            error(parent, name, "missing or empty; a warning message must have it");
        } else if (utf8_length(v) > max_chars) {
            error(*parent.child(name), name,
                  "longer than " + std::to_string(max_chars) + " characters");
        }
        return v;
    }
    std::string optional(const XmlNode& parent, const char* name, size_t max_chars) {
        std::string v = parent.value(name);
        if (utf8_length(v) > max_chars) {
            error(*parent.child(name), name,
                  "longer than " + std::to_string(max_chars) + " characters");
        }
        return v;
    }
    std::optional<int64_t> time(const XmlNode& parent, const char* name) {
        const std::string v = parent.value(name);
        if (v.empty()) {
            return std::nullopt;
        }
        auto t = parse_cap_time(v);
        if (!t) {
            error(*parent.child(name), name,
                  "'" + v +
                      "' is not a time; write 2026-11-27T10:00:00+08:00 or 20261127100000 "
                      "(Beijing time)");
        }
        return t;
    }

private:
    std::vector<std::string>& m_errors;
};

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> out;
    size_t at = 0;
    while (at < text.size()) {
        const size_t start = text.find_first_not_of(" \t\r\n", at);
        if (start == text.npos) {
            break;
        }
        const size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
        out.push_back(text.substr(start, end - start));
        at = end;
    }
    return out;
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> choices) {
    for (std::string_view c : choices) {
        if (v == c) {
            return true;
        }
    }
    return false;
}

void read_alert(const XmlNode& alert, Reader& r, CapMessage& m) {
    m.identifier = r.required(alert, "identifier", 128);
    m.sender = r.required(alert, "sender", 120);
    m.sender_code = r.optional(alert, "senderCode", 64);
    if (alert.value("sent").empty()) {
        r.error(alert, "sent", "missing; the time the message was issued");
    } else if (auto t = r.time(alert, "sent")) {
        m.sent = *t;
    }
    m.status = r.required(alert, "status", 16);
    if (!m.status.empty() && !one_of(m.status, {"Actual", "Exercise", "System", "Test", "Draft"})) {
        r.error(*alert.child("status"), "status",
                "'" + m.status + "' is not Actual, Exercise, System, Test or Draft");
    }
    m.msg_type = r.required(alert, "msgType", 16);
    if (!m.msg_type.empty() && !one_of(m.msg_type, {"Alert", "Update", "Cancel", "Ack", "Error"})) {
        r.error(*alert.child("msgType"), "msgType",
                "'" + m.msg_type + "' is not Alert, Update or Cancel");
    }
    // CAP: "sender,identifier,sent" entries separated by spaces; GB/T 35965.1 also writes the
    // bare identifier.
    const std::string references = alert.value("references");
    for (std::string_view entry : split_words(references)) {
        const size_t first = entry.find(',');
        const size_t second = first == entry.npos ? entry.npos : entry.find(',', first + 1);
        m.references.push_back(
            std::string(first == entry.npos ? entry : entry.substr(first + 1, second - first - 1)));
    }
}

void read_info(const XmlNode& info, Reader& r, CapMessage& m) {
    m.event = info.value("event");
    if (m.event.empty()) {
        m.event = info.value("eventType");
    }
    if (m.event.empty()) {
        r.error(info, "event", "missing: the event type (event or eventType), such as 台风");
    }
    const std::string severity = info.value("severity");
    if (auto level = cap_level(severity)) {
        m.level = *level;
    } else {
        r.error(info.child("severity") ? *info.child("severity") : info, "severity",
                severity.empty() ? "missing: the warning level, Red, Orange, Yellow or Blue"
                                 : "unknown level '" + severity +
                                       "'; expected Red, Orange, Yellow or Blue (红色, 橙色, "
                                       "黄色, 蓝色; I-IV 级; Extreme, Severe, Moderate, Minor)");
    }
    m.effective = r.time(info, "effective");
    if (!m.effective) {
        m.effective = r.time(info, "onset");
    }
    m.expires = r.time(info, "expires");
    if (!info.value("senderName").empty()) {
        m.sender = r.optional(info, "senderName", 120);
    }
    m.headline = r.required(info, "headline", k_max_title_chars);
    m.description = r.required(info, "description", 20000);
    m.instruction = r.optional(info, "instruction", 20000);
    for (const XmlNode* area : info.all("area")) {
        if (std::string desc(trim(area->value("areaDesc"))); !desc.empty()) {
            m.areas.push_back(desc);
        }
    }
}

}  // namespace

std::optional<AlertLevel> cap_level(std::string_view code) {
    struct Row {
        AlertLevel level;
        std::array<std::string_view, 8> codes;
    };
    static constexpr std::array<Row, 4> k_rows{{
        {AlertLevel::Red, {"Red", "red", "红色", "红色预警", "I", "Ⅰ级", "1", "Extreme"}},
        {AlertLevel::Orange, {"Orange", "orange", "橙色", "橙色预警", "II", "Ⅱ级", "2", "Severe"}},
        {AlertLevel::Yellow,
         {"Yellow", "yellow", "黄色", "黄色预警", "III", "Ⅲ级", "3", "Moderate"}},
        {AlertLevel::Blue, {"Blue", "blue", "蓝色", "蓝色预警", "IV", "Ⅳ级", "4", "Minor"}},
    }};
    code = trim(code);
    for (const Row& row : k_rows) {
        for (std::string_view c : row.codes) {
            if (code == c ||
                (code.size() > 3 && code.ends_with("级") && code.substr(0, code.size() - 3) == c)) {
                return row.level;
            }
        }
    }
    return std::nullopt;
}

std::optional<int64_t> parse_cap_time(std::string_view text) {
    text = trim(text);
    if (text.size() == 14 && text.find_first_not_of("0123456789") == text.npos) {
        const std::string extended =
            std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2)) + "-" +
            std::string(text.substr(6, 2)) + " " + std::string(text.substr(8, 2)) + ":" +
            std::string(text.substr(10, 2)) + ":" + std::string(text.substr(12, 2));
        return parse_beijing_time(extended);
    }
    // YYYY-MM-DDThh:mm:ss followed by +hh:mm, -hh:mm or Z.
    if (text.size() < 20) {
        return std::nullopt;
    }
    const auto local = parse_beijing_time(text.substr(0, 19));
    std::string_view zone = text.substr(19);
    if (!local) {
        return std::nullopt;
    }
    int offset_minutes = 0;
    if (zone == "Z") {
        offset_minutes = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        const auto hh = parse_beijing_time("2000-01-01 " + std::string(zone.substr(1)));
        if (!hh) {
            return std::nullopt;
        }
        offset_minutes = static_cast<int>((*hh - *parse_beijing_time("2000-01-01")) / 60);
        offset_minutes = zone[0] == '-' ? -offset_minutes : offset_minutes;
    } else {
        return std::nullopt;
    }
    // parse_beijing_time read the wall time as UTC+8; shift to the message's own offset.
    return *local + k_beijing_offset_seconds - int64_t{offset_minutes} * 60;
}

CapParse parse_cap_message(std::string_view xml) {
    CapParse result;
    if (xml.size() > k_max_cap_bytes) {
        result.errors.push_back("the file is " + std::to_string(xml.size() / 1024) +
                                " KB; an early-warning message is at most " +
                                std::to_string(k_max_cap_bytes / 1024) + " KB");
        return result;
    }
    if (find_invalid_utf8(xml) != std::string_view::npos) {
        result.errors.push_back("the file is not valid UTF-8; save the message as UTF-8");
        return result;
    }
    std::string error;
    const std::unique_ptr<XmlNode> root = parse_tree(xml, error);
    if (!root) {
        result.errors.push_back(error);
        return result;
    }
    if (root->name != "alert") {
        result.errors.push_back("line " + std::to_string(root->line) + ": the top element is <" +
                                root->name + ">; an early-warning message is an <alert>");
        return result;
    }
    CapMessage m;
    Reader r(result.errors);
    read_alert(*root, r, m);
    const std::vector<const XmlNode*> infos = root->all("info");
    if (infos.empty()) {
        r.error(*root, "info", "missing: the warning itself (event, severity, headline, ...)");
    } else {
        // Several <info> blocks are translations; the first (zh-CN by convention) is shown.
        read_info(*infos.front(), r, m);
    }
    if (m.expires && m.expires <= m.effective.value_or(m.sent)) {
        r.error(*infos.front(), "expires", "the warning ends before it takes effect");
    }
    if (result.errors.empty()) {
        result.message = std::move(m);
    }
    return result;
}

}  // namespace content
