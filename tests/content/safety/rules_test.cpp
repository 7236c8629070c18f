// The safety checker's rules, table by table: each row is a text, the rule it must raise (or none),
// and the evasion or the legitimate wording it guards against.
#include <doctest/doctest.h>

#include <string>

#include "tests/content/safety/fixture.h"

using safety_test::describe;
using safety_test::rules_in;

namespace {

struct Row {
    const char* guards;  // what the row protects against
    const char* text;
    const char* rule;  // the rule that must fire; "" when the text must pass with no finding
};

void check_rows(const Row* rows, size_t count) {
    for (size_t i = 0; i < count; ++i) {
        const Row& row = rows[i];
        const std::string guards = row.guards;
        CAPTURE(guards);
        const std::string text = row.text;
        CAPTURE(text);
        const std::string found = describe(row.text);
        CAPTURE(found);
        if (std::string(row.rule).empty()) {
            CHECK(rules_in(row.text).empty());
        } else {
            CHECK(rules_in(row.text).count(row.rule) == 1);
        }
    }
}

}  // namespace

TEST_CASE("term rules see through the separators and spellings spam inserts inside words") {
    static const Row rows[] = {
        {"a brand name as such", "澳门新葡京娱乐城上线啦", "gambling"},
        {"a dot between characters", "正规博.彩平台", "gambling"},
        {"spaces between characters", "真 人 百 家 乐", "gambling"},
        {"asterisks between characters", "真*人*荷*官在线发牌", "gambling"},
        {"emoji between characters", "皇🎲冠🎲体🎲育", "gambling"},
        {"middle dots between characters", "六·合·彩特码", "gambling"},
        {"a zero-width space splitting a word", "博\u200b彩网站", "gambling"},
        {"a zero-width joiner splitting a word", "网\u200d上\u200d赌\u200d场", "gambling"},
        {"a word joiner splitting a brand", "新\u2060葡\u2060京", "gambling"},
        {"traditional characters", "澳門新葡京，註冊就送", "gambling"},
        {"full-width Latin letters", "ｂｅｔ３６５体育", "gambling"},
        {"mathematical bold letters", "𝐛𝐞𝐭𝟑𝟔𝟓 官方", "gambling"},
        {"Cyrillic look-alikes inside a brand", "开云аpp下载", "gambling"},
        {"decimal HTML character references", "&#28595;&#38376;&#26032;&#33889;&#20140;",
         "gambling"},
        {"text inside a hidden HTML span", "<span style=\"display:none\">真人荷官</span>",
         "gambling"},
        {"an HTML tag inside a word", "澳门<b></b>新葡京", "gambling"},
        {"a comma between every character of a long term", "澳，门，新，葡，京", "gambling"},
        {"one line break inside a paragraph (the kiosk joins the lines)", "新葡\n京", "gambling"},
        {"homophone slang", "玩菠菜就上菠菜平台", "gambling"},
        {"a wildcard term", "注册就送88元", "gambling"},
        {"porn with separators", "成 人 视 频免费看", "porn"},
        {"porn in traditional characters", "成人影院線上看", "porn"},
        {"fraud job scam", "手机兼职，刷单佣金当天结", "fraud"},
        {"fraud loan scam", "无抵押贷款，黑户可贷，秒下款", "fraud"},
        {"download-for-reward advertising", "下载乐享App领58元红包", "app-download"},
        {"a kind of app no office recommends", "最火赚钱App推荐", "app-download"},
        {"an apk", "复制 xpj.apk 到浏览器", "app-download"},
        {"slang for online gambling", "正规网赌平台推荐", "gambling"},
        {"porn slang", "看片神器，成人av在线观看", "porn"},
        {"a loan scam", "贷款无需征信，信用卡代还", "fraud"},
    };
    check_rows(rows, std::size(rows));
}

TEST_CASE("legitimate notices about gambling, lotteries, fraud and apps pass") {
    static const Row rows[] = {
        {"a crackdown on gambling", "严厉打击赌博违法犯罪活动。", ""},
        {"a crackdown naming illegal lotteries", "严禁组织、参与六合彩、私彩等非法彩票活动。", ""},
        {"a warning quoting a scam's bait", "网络赌博平台常以“真人荷官在线发牌”“稳赚不赔”为诱饵。",
         ""},
        {"lottery welfare funds", "本项目使用福利彩票公益金30万元。", ""},
        {"the sports lottery", "体育彩票公益金支持全民健身设施建设。", ""},
        {"a lottery sales point", "福利彩票投注站、体育彩票投注站照常营业。", ""},
        {"mahjong rooms where betting is banned", "麻将室禁止赌博，严禁带彩娱乐。", ""},
        {"the national anti-fraud app", "请下载安装“国家反诈中心”App，开启来电预警。", ""},
        {"the province's own app", "可通过手机下载'浙里办'App办理。", ""},
        {"downloading a government app with a reward", "下载“浙里办”App领取消费券。", ""},
        {"a scam described in a list introduced with a colon",
         "常见手法如下：\n\n1. 宣称投资“原始股”“虚拟货币”，年收益可达20%；\n2. 签订所谓“会员卡”。",
         ""},
        {"a scam named later in the sentence", "反诈民警介绍，刷单兼职、网络贷款是高发案件。", ""},
        {"以下注意事项 contains 下注", "请居民注意以下注意事项。", ""},
        {"以上分别 contains 上分", "以上分别由各支部负责。", ""},
        {"配套现代化 contains 套现", "完善配套现代化设施。", ""},
        {"五彩金秋 contains 彩金", "“五彩金秋”社区文化艺术节。", ""},
        {"特色情况 contains 色情", "结合社区特色情况开展工作。", ""},
        {"救援交通 contains 援交", "保障救援交通畅通。", ""},
        {"多少妇女 contains 少妇", "社区有多少妇女参加了体检？", ""},
        {"推荐股东 contains 荐股", "推荐股东代表3名。", ""},
        {"印刷单位 contains 刷单", "由区印刷单位统一承印。", ""},
        {"长跑分组 contains 跑分", "长跑分组为青年组和老年组。", ""},
        {"抵押注销 contains 押注", "办理抵押注销登记。", ""},
        {"注册志愿者赠送 is not 注册*送", "凡注册志愿者赠送马甲一件。", ""},
        {"赌博、彩票 across punctuation is not 博彩", "严禁赌博、彩票诈骗等行为。", ""},
        {"a paragraph break between two words", "我们反对赌博\n\n彩票站照常营业", ""},
        {"棋牌室 and 棋牌活动", "老年活动室棋牌室开放，举办象棋比赛。", ""},
        {"the two-card campaign: 不出售 is a cue", "做到不出租、不出借、不出售本人银行卡、电话卡。",
         ""},
        {"lottery outlets", "全区彩票网点暂停销售。", ""},
        {"a bilingual form", "性别(Sex)：男", ""},
        {"a warning with 请勿", "请勿相信“低息贷款”“无抵押贷款”等广告。", ""},
        {"a police report", "警方破获一起以“百家乐”“时时彩”为名的网络赌博案。", ""},
    };
    check_rows(rows, std::size(rows));
}

TEST_CASE("addresses: domains off the allow-list are flagged however the dot is spelt") {
    static const Row rows[] = {
        {"a plain domain", "访问 www.xpj888.com", "url"},
        {"an https link", "https://bet-88.vip/register", "url"},
        {"full-width letters and dot", "ｗｗｗ．ｙａ８８８．ｃｏｍ", "url"},
        {"点com", "xpj9988点com", "url"},
        {"點com in traditional characters", "xpj9988點com", "url"},
        {"dot com in words", "hg0088 dot com", "url"},
        {"the ideographic full stop", "js777。com", "url"},
        {"a bracketed dot", "ag88(.)cc", "url"},
        {"a square-bracketed dot", "lh[.]top", "url"},
        {"a bare ending after a brand", "澳门新葡京点com", "url"},
        {"a Markdown link target", "[详情](http://ky-qipai.xyz/a)", "url"},
        {"an HTML link", "<a href=\"https://cp-plan.net/\">附件</a>", "url"},
        {"a government domain used as a prefix", "www.gov.cn.xpj-888.com", "url"},
        {"a domain spelt out letter by letter", "网址 x p j 8 8 8 . c o m", "url"},
        {"a short link", "http://t.cn/A6xyz", "url"},
        {"a short link without a scheme", "bit.ly/3xYz", "url"},
        {"a Telegram link", "t.me/kefu888", "url"},
        {"a utility's own site", "停电信息可登录 www.95598.cn 查询", ""},
        {"an IP address", "http://123.45.67.89:8080/app", "url"},
        {"a zero-width character inside the name", "tyc8\u200b88.net", "url"},
        {"a user name in front of the real host", "https://www.qinghe.gov.cn@evil.example.com/pay",
         "url"},
        {"a user name in front of an allowed host", "https://a:b@www.zjzwfw.gov.cn/", "url"},
        {"an ftp link to an allowed host", "ftp://www.zjzwfw.gov.cn/a", "url"},
        {"a javascript: link", "[详情](javascript:alert(1))", "url"},
        {"a QQ number as an e-mail address", "发至 88886666@qq.com", "contact"},
        {"gov.cn addresses", "请登录 https://www.zjzwfw.gov.cn 办理", ""},
        {"a deployment's gov.cn subdomain", "https://qinghe.example.gov.cn/guihuali/notice/1.html",
         ""},
        {"gov.cn spelt with 点", "www点gov点cn", ""},
        {"an office's e-mail address", "投稿邮箱 liuansq_jf@163.com", ""},
        {"file names", "附件：申请表.docx、plan.png、报告.pdf", ""},
        {"decimals and versions", "PM2.5浓度、V2.0版本、3.5万元", ""},
        {"点 as o'clock", "上午9点30分，下午3点半", ""},
        {"a company name", "Hangzhou Property Co., Ltd.", ""},
        {"a file ending in running text", "生成 .NET 程序，不是 GNU .mo 格式", ""},
        {"a transliterated place name and 比特码", "索特马尔州；写出比特码", ""},
    };
    check_rows(rows, std::size(rows));
}

TEST_CASE("contacts: mobile numbers and messenger ids, but not landlines and hotlines") {
    static const Row rows[] = {
        {"a mobile number", "电话13800138000", "contact"},
        {"a mobile number in 3-4-4 groups", "联系 138 0013 8000", "contact"},
        {"a mobile number with dashes", "139-1234-5678", "contact"},
        {"full-width digits", "１５８８８８８６６６６", "contact"},
        {"circled digits", "①③⑦①②③④⑤⑥⑦⑧", "contact"},
        {"negative circled digits", "❶❽❻❶❷❸❹❺❻❼❽", "contact"},
        {"Chinese numerals", "一三五六六六六七七七七", "contact"},
        {"financial numerals", "壹伍玖壹贰叁肆伍陆柒捌", "contact"},
        {"幺 for one", "幺八八〇〇〇〇幺幺幺幺", "contact"},
        {"every digit spaced", "1 3 8 0 0 1 3 8 0 0 0", "contact"},
        {"zero-width characters between digits",
         "1\u200b3\u200b9\u200b0\u200b0\u200b1\u200b3"
         "\u200b9\u200b0\u200b0\u200b0",
         "contact"},
        {"+86 in front", "+86 177 0571 2345", "contact"},
        {"加V信 with an id", "加V信：cp88886", "contact"},
        {"VX with an id", "VX：hxd_2026", "contact"},
        {"VX spelt with a no-break space", "V\u00a0X：fuli8866", "contact"},
        {"a Cyrillic х in vx", "加vх：lucky9999", "contact"},
        {"薇信 alone", "有意者请加薇信", "contact"},
        {"扣扣 with a number", "扣扣 2938475610", "contact"},
        {"a QQ group number", "QQ群：876543210", "contact"},
        {"a WeChat id", "微信号 abc13579", "contact"},
        {"spaced 微 信 with an id", "加微 信 xm20261111", "contact"},
        {"a Telegram handle", "飞机号 @bc_kefu88", "contact"},
        {"a landline", "电话0571-86971234", ""},
        {"hotlines", "请拨打12345、110、119、120、12110或96110", ""},
        {"a 400 number", "客服热线400-826-5888", ""},
        {"a bank account in groups of four", "账号：6222 0212 3456 7890 123", ""},
        {"a masked ID number", "身份证号3301**********1234", ""},
        {"a masked mobile number", "尾号138****8000的居民", ""},
        {"amounts and dates", "共计￥13,512.00元，2026年11月13日13:30", ""},
        {"an official WeChat account", "关注“桂花里社区”微信公众号：ghlsq2026", ""},
        {"a WeChat group without an id", "扫码加入楼栋微信群，群内发布通知", ""},
        {"WeChat and QQ named as channels", "可通过微信、QQ等方式联系", ""},
        {"a scam warning quoting VX", "骗子常让您加“VX”私聊，切勿轻信。", ""},
        {"a quarter and a year", "2026年Q3 2026年度报告，Q 3 2026", ""},
        {"TG in a health check", "甘油三酯(TG) 2.35 mmol/L", ""},
        {"an organisation's account to follow", "扫码关注“云溪发布”或搜索微信号yunxifabu", ""},
        {"TG with a colon and a handle", "TG：@abc_kefu", "contact"},
        {"plus V with a colon", "➕V：ab12345", "contact"},
        {"VX spelt with Roman numerals", "ⅤⅩ：abc12345", "contact"},
        {"微信 in pinyin", "wei xin: abc12345", "contact"},
        {"威❤信 with an id", "威❤信：abc123", "contact"},
        {"volts", "220V电压", ""},
    };
    check_rows(rows, std::size(rows));
}

TEST_CASE("invisible, control and direction characters are rejected outright") {
    static const Row rows[] = {
        {"right-to-left override reversing a word", "\u202e京葡新门澳\u202c", "invisible"},
        {"right-to-left isolate", "\u2067赌场\u2069", "invisible"},
        {"left-to-right override", "社区\u202d活动", "invisible"},
        {"a zero-width space", "通\u200b知", "invisible"},
        {"a zero-width non-joiner", "通\u200c知", "invisible"},
        {"a byte-order mark inside text", "通\ufeff知", "invisible"},
        {"a private-use character", "缴费\ue000截止", "invisible"},
        {"a C0 control", "事项\x07通知", "invisible"},
        {"a C1 control", "居民\u0085朋友", "invisible"},
        {"a soft hyphen", "通\u00ad知", "invisible"},
        {"tag characters", "\U000E0061\U000E0062标签", "invisible"},
        {"an invalid UTF-8 byte", "通知\xff内容", "invisible"},
        {"a zero-width space as an HTML reference", "博&#8203;彩", "invisible"},
        {"an emoji family joined by zero-width joiners", "👨‍👩‍👧 欢迎全家参加",
         ""},
        {"emoji with variation selectors", "❤️ 🎉 欢迎", ""},
        {"tabs, CRLF line ends and ideographic spaces", "通\t知\r\n第一条　内容", ""},
    };
    check_rows(rows, std::size(rows));
}

TEST_CASE("look-alike letters of other scripts inside Latin words") {
    static const Row rows[] = {
        {"a Cyrillic а in app", "下载аpp", "mixed-script"},
        {"a Cyrillic Р in VIP", "VIР会员", "mixed-script"},
        {"a Greek omicron in Online", "Οnline客服", "mixed-script"},
        {"an all-Cyrillic look-alike word", "全新АРР上线", "mixed-script"},
        {"Cyrillic letters in casino", "cаsinо入口", "mixed-script"},
        {"an IPA ɑ", "ɑpp下载", "mixed-script"},
        {"small capitals", "ᴀᴘᴘ下载", "mixed-script"},
        {"Greek letters in ordinary text", "α-干扰素、β-胡萝卜素、γ射线", ""},
        {"micro units", "PM2.5浓度150μg/m³，直径5µm", ""},
        {"plain English words", "WiFi、AED、NFC、5G、App", ""},
    };
    check_rows(rows, std::size(rows));
}
