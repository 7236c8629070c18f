"""Training pool: 云溪区 青禾街道 (the corpus's original setting), its own sentences and spam."""

DISTRICT = "云溪区"
STREET = "青禾街道"
COMMUNITIES = ["柳岸社区", "望江社区", "枫林苑社区", "东湖新村社区", "青石巷社区", "花溪社区"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["丽", "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞"]
DEPARTMENTS = ["青禾街道办事处", "云溪区民政局", "青禾街道社区卫生服务中心", "云溪区住房和城乡建设局",
               "青禾街道党工委", "云溪区市场监督管理局", "青禾街道综合行政执法队", "云溪区教育局",
               "云溪区财政局", "青禾街道便民服务中心"]
SITE = "https://www.yunxi.example.gov.cn/art/2026/{m}/{d}/art_{n}.html"

TITLES = {
    "party": ["{comm}党支部{month}月主题党日活动安排", "关于开展党员冬训工作的通知", "{comm}发展党员公示",
              "关于收缴{year}年度党费的通知"],
    "government": ["关于{year}年度城乡居民医保参保缴费的通告", "{street}老旧小区改造项目公示",
                   "关于开展燃气安全专项检查的通知", "{district}{year}年民生实事项目征集"],
    "affairs": ["{comm}垃圾分类督导员招募", "关于调整{comm}停车收费标准的公示", "{comm}电梯加装意见征询",
                "楼道堆物集中清理通知"],
    "finance": ["{comm}{year}年第{q}季度财务收支公开", "{comm}公共收益使用情况公示", "关于{comm}维修资金使用的公示"],
    "service": ["{comm}老年食堂{month}月菜单", "关于开展免费义诊活动的通知", "{comm}暑期托管班报名",
                "居家养老服务补贴申请指南"],
    "announcement": ["{comm}停水通知", "关于{comm}道路施工的公告", "{street}春节期间值班安排", "{comm}年度文明家庭评选结果公告"],
}

PARAGRAPHS = [
    "为进一步改善居民居住环境，{street}将于{month}月{day}日起对{comm}开展环境整治，请各位居民配合做好相关工作。",
    "本次活动由{comm}党支部组织，全体党员原则上均应参加，确有特殊情况的请提前向支部书记请假。",
    "根据《{district}城乡居民基本医疗保险实施办法》，{year}年度个人缴费标准为每人每年380元，缴费期截至12月31日。",
    "申请人需携带身份证、户口簿原件及复印件，到{street}便民服务中心一号窗口办理，工作日上午8:30至11:30，下午1:30至5:00。",
    "公示期为{month}月{day}日至{month}月{day2}日，公示期间如有异议，请以书面形式向{street}党工委反映。",
    "项目总投资约{n}万元，主要包括雨污分流、管线入地、楼道粉刷、加装电梯井道等内容，预计工期六个月。",
    "收支明细如下：上季度结余{n}元，本季度收入{n2}元（含停车费、广告位租金），支出{n3}元，主要用于绿化养护和公共照明维修。",
    "请各位业主于{month}月{day}日前将意见表投入各单元信箱，同意比例达到三分之二以上的单元将优先实施。",
    "义诊当天将提供测血压、测血糖、中医体质辨识和用药咨询等服务，六十五周岁以上老人可同时登记免费体检。",
    "施工期间，{comm}北门临时封闭，车辆请绕行南门进出，给大家带来的不便敬请谅解。",
    "因市政供水管网改造，{month}月{day}日8:00至18:00{comm}1至12幢将暂停供水，请居民提前做好储水准备。",
    "经各楼道推荐、居民代表评议，共评出文明家庭二十户、最美楼道五个，现予以公告。",
    "欢迎有意愿的居民到社区服务中心二楼报名，报名截止后将统一组织岗前培训，培训合格后上岗。",
    "老年食堂工作日供应午餐，八十周岁以上老人每餐补贴五元，持卡就餐，刷卡时请出示本人老年卡。",
    "详细内容可登录{district}人民政府门户网站查询，也可关注“云溪发布”微信公众号获取。",
    "社区将结合“我为群众办实事”实践活动，广泛听取居民意见，推动问题在基层解决。",
    "会议传达学习了上级有关文件精神，部署了下一阶段重点工作，与会人员进行了交流发言。",
    "托管班设在社区文化家园，开设作业辅导、书法、围棋和科学小实验课程，每期名额四十人，先到先得。",
    "请各楼道长做好宣传动员，确保每户居民知晓，对行动不便的老人，网格员将上门协助办理。",
    "咨询电话：0571-86{land}，监督电话：0571-86{land2}。",
    "对照年度目标任务，逐项梳理完成情况，形成问题清单、任务清单和责任清单，按期销号。",
    "依据区住建局《既有住宅加装电梯工作指引》，符合条件的可申请每台最高二十万元的财政补助。",
]

# Sentences of the register into which spam is glued with no punctuation around it; "|" is where.
GLUE = [
    "按照街道统一部署，|全面落实网格化管理责任，确保各项工作落到实处。",
    "社区依据《城市居民委员会组织法》有关规定，|结合本社区实际制定了居民公约。",
    "为深入贯彻落实上级决策部署|，进一步提升基层治理效能，特制定本方案。",
    "本季度收支情况已经居务监督委员会审核，|现将有关情况公示如下。",
    "各小区物业服务企业要切实履行主体责任|，加强巡查，及时消除安全隐患。",
]

# Clean paragraphs that a careless checker flags.
TRAPS = [
    "本次入户走访由网格员{person}负责，联系电话{mobile}，如有疑问可直接联系。",
    "| 时间 | 值班人员 | 电话 |\n|---|---|---|\n| {month}月{day}日 | {person} | {mobile} |\n| {month}月{day2}日 | {person2} | {mobile2} |",
    "社区家长学校已建立家长交流QQ群（群号：{qq}），请各位家长扫码或搜索群号加入，入群请备注孩子姓名。",
    "报名及资格审核结果可登录中国人事考试网（www.cpta.com.cn）查询，考试时间以准考证为准。",
    "个人信用报告可通过中国人民银行征信中心官网（www.pbccrc.org.cn）或商业银行网点免费查询，每年两次。",
    "近期冒充客服、冒充公检法的诈骗高发，不法分子常通过微信、QQ、抖音私信、Telegram联系受害人，请大家提高警惕。",
    "Registration closes on Friday. Online applications are accepted through the community service centre.",
    "中国体育彩票、中国福利彩票销售网点调整情况详见附件，彩票公益金用于社区养老设施建设。",
    "区体育中心游泳馆{month}月起对社区老人半价开放，全民健身体育器材已在小区广场更新安装。",
    "社区文化家园组织居民开展健康有益的文化娱乐活动，周末放映公益电影。",
    "纳税人可下载“个人所得税”App或登录电子税务局办理年度汇算，有疑问请拨打12366。",
    "五彩金秋，社区将举办重阳敬老文艺汇演，欢迎居民报名参演。",
    "请登录区政府官网“政务公开”栏目查阅完整报告，或到社区服务中心索取纸质版本。",
    "社工{person}（{mobile}）负责本楼道居家养老服务对接，服务时间为工作日。",
]

INVENTED = ["金樽", "豪运", "星耀", "鸿福", "财神到", "龙腾", "聚宝盆", "盛世皇朝", "九州", "金狮",
            "银河湾", "大富豪", "必赢", "万利", "红运当头", "金鼎"]
SLOT_GAMES = ["金猪送福", "水果狂欢", "财神夺宝", "海底寻金", "幸运转盘", "黄金矿工王"]
LISTED_BRANDS = ["澳门新葡京", "威尼斯人娱乐", "金沙娱乐", "皇冠体育", "亚博体育", "开云体育", "太阳城集团", "永利皇宫"]
PINYIN_BRANDS = ["aomenxinpujing", "weinisiren", "jinsha yule", "huangguan tiyu", "xpj", "amxpj", "hgty", "bjl"]

# (technique, rule family, template, evasions to pick from, positions)
PAYLOADS = [
    ("listed-brand", "gambling", "{brand}注册送88元，真人百家乐24小时在线", ["plain", "zero-width"], "any"),
    ("listed-brand", "gambling", "【{brand}】新用户首存即送", ["plain"], "any"),
    ("split", "gambling", "网上博彩", ["dots", "spaces"], "any"),
    ("split", "gambling", "百家乐", ["dots", "spaces", "commas"], "any"),
    ("homoglyph", "app-download", "官方APP下载送彩金", ["fullwidth", "cyrillic"], "any"),
    ("homoglyph", "gambling", "VIP会员 casino 注册就送", ["fullwidth"], "any"),
    ("url", "url", "点击 {inv_site} 进入", ["plain"], "any"),
    ("url", "url", "{brand_inv}官网{inv_site_dot}", ["plain"], "any"),
    ("contact", "contact", "代理招募，加微信{wx}详聊", ["plain"], "any"),
    ("contact", "contact", "客服电话{mobile_spaced}，日结", ["plain"], "any"),
    ("slang", "gambling", "跟着导师稳定回血，今天已经上岸三万", ["plain"], "any"),
    ("slang", "fraud", "动动手指点赞关注，一单一结佣金当天到账", ["plain"], "any"),
    ("slang", "porn", "同城私密交友，高端模特上门", ["plain"], "any"),
    ("slang", "fraud", "您的医保卡已冻结，请立即联系在线客服办理解冻", ["plain"], "any"),
    ("invented-template", "app-download", "{brand_inv}最新官方版下载", ["plain"], "glued"),
    ("invented-template", "app-download", "{brand_inv}手机版下载", ["plain"], "any"),
    ("invented-template", "app-download", "{brand_inv}安卓版下载安装", ["plain"], "any"),
    ("invented-template", "gambling", "{brand_inv}娱乐官网入口", ["plain"], "any"),
    ("invented-template", "gambling", "{brand_inv}棋牌 注册即玩", ["plain"], "any"),
    ("invented-template", "gambling", "{brand_inv}国际，信誉平台", ["plain"], "any"),
    ("slot", "gambling", "电子游艺{slot}爆分了，首充送彩金", ["plain"], "any"),
    ("slot", "gambling", "{slot}免费试玩，天天返水", ["plain"], "any"),
    ("slot", "gambling", "老虎机{slot}连线大奖", ["plain"], "any"),
    ("radical-emoji", "gambling", "澳门六合彩", ["radicals", "emoji"], "any"),
    ("radical-emoji", "gambling", "龙虎斗", ["emoji", "radicals"], "any"),
    ("radical-emoji", "gambling", "澳门金沙", ["radicals"], "any"),
    ("pinyin", "gambling", "{pinyin} 注册送", ["plain"], "any"),
    ("pinyin", "gambling", "搜索 {pinyin}", ["plain"], "any"),
]
