"""Held-out pool: a different district (临澜区 松岗街道), different sentences, different invented
names and spam phrasings. Written apart from pool_train.py and never used to tune the checker."""

DISTRICT = "临澜区"
STREET = "松岗街道"
COMMUNITIES = ["桂香里社区", "北塘社区", "新桥社区", "白鹭湾社区", "梧桐苑社区", "南岭村"]
SURNAMES = "郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
GIVEN = ["秀兰", "建国", "海燕", "志强", "玉梅", "国华", "晓东", "春燕", "卫东", "丽华", "俊", "宁", "慧", "斌", "婷", "鹏"]
DEPARTMENTS = ["松岗街道党政综合办公室", "临澜区人力资源和社会保障局", "临澜区应急管理局", "松岗街道社会事务办",
               "临澜区卫生健康委员会", "松岗街道平安办", "临澜区司法局", "临澜区退役军人事务局",
               "松岗街道经济发展办", "临澜区人民政府办公室"]
SITE = "http://www.linlan.example.gov.cn/zwgk/{m}{d}/t{n}.shtml"

TITLES = {
    "party": ["松岗街道{year}年度基层党组织书记述职评议情况通报", "{comm}“两新”组织党建工作推进会纪要",
              "关于做好流动党员排查登记的通知", "{comm}党群服务中心开放时间调整"],
    "government": ["临澜区{year}年政府信息公开工作年度报告", "关于印发《松岗街道防汛防台应急预案》的通知",
                   "临澜区{year}年第{q}批低保审批结果公示", "关于征求《临澜区养犬管理规定（草案）》意见的公告"],
    "affairs": ["{comm}居民议事会议决事项公告", "关于开展出租房屋消防安全排查的通告", "{comm}网格员配置及联系方式",
                "关于做好冬季流感防控的倡议书"],
    "finance": ["{comm}{year}年集体资产租赁收入公示", "松岗街道{year}年部门预算公开说明", "{comm}党组织服务群众经费使用情况"],
    "service": ["临澜区{year}年城乡居民养老保险缴费指引", "{comm}“邻里帮”志愿服务队招募", "关于开展适老化改造申请的通知",
                "松岗街道就业援助月招聘会"],
    "announcement": ["{comm}{month}月份值班表", "关于{comm}临时停电的通知", "松岗街道“家长学校”秋季课程安排", "{comm}社区公共空间命名征集结果"],
}

PARAGRAPHS = [
    "本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限自{year}年1月1日起至12月31日止。",
    "全年共主动公开政府信息{n}条，其中规范性文件{n2}件，受理依申请公开{n3}件，均在法定期限内予以答复。",
    "各村（社区）要对辖区内山塘水库、地质灾害隐患点、低洼易涝区域逐一落实巡查责任人，汛期实行24小时值班制度。",
    "经个人申请、入户调查、民主评议和街道审核，拟将以下{n3}户家庭纳入最低生活保障范围，现予公示，公示期七天。",
    "养犬人应当为犬只办理登记，携犬出户时应当束犬链，由完全民事行为能力人牵领，主动避让老人和儿童。",
    "经居民议事会表决，同意使用公共收益对{comm}三期地下车库照明进行节能改造，改造费用{n}元。",
    "集体资产租赁收入共计{n}元，已全部纳入村级财务统一核算，支出明细张贴于村务公开栏。",
    "参保人员可选择每年200元至3000元不等的缴费档次，多缴多得，长缴多得，政府按档次给予相应补贴。",
    "志愿服务队主要为辖区独居老人、残疾人提供代购代办、陪同就医、助浴助洁等服务，每月服务时长计入志愿时数。",
    "符合条件的老年人家庭可申请安装扶手、防滑地面、紧急呼叫设备等适老化设施，每户补助标准最高五千元。",
    "招聘会将于{month}月{day}日上午9时在街道文体中心举行，届时将有{n3}家企业提供岗位，涵盖制造、物流、家政等行业。",
    "因供电线路检修，{month}月{day}日9:00至15:00{comm}部分楼栋将临时停电，请提前做好准备，恢复时间视施工情况而定。",
    "此次征集共收到居民投稿{n3}份，经专家评审和网络投票，最终确定社区广场命名为“桂香园”，小游园命名为“鹭影亭”。",
    "出租人应当对承租人身份进行登记，并在三个工作日内向社区报备；出租房屋内严禁违规设置居住隔间。",
    "流感高发季节，请居民勤洗手、常通风，出现发热、咳嗽等症状及时到发热门诊就诊，老人和儿童可免费接种流感疫苗。",
    "会议听取了各书记的述职报告，进行了现场点评和民主测评，测评结果将作为年度考核的重要依据。",
    "预算收入合计{n}万元，其中一般公共预算拨款{n2}万元；支出主要用于基本支出和民生项目支出。",
    "课程涵盖青春期心理、亲子沟通、家庭安全教育等内容，每周六上午在社区教室开课，欢迎家长报名旁听。",
    "联系人：街道社会事务办，电话：0755-28{land}，传真：0755-28{land2}。",
    "请流动党员主动与所在党支部联系，如实报告外出地点、从事职业和联系方式，按时参加组织生活。",
    "下一步，我们将持续深化政务公开标准化规范化建设，不断提升政务公开质量和实效。",
    "广大居民如发现违法违规行为，可通过12345政务服务便民热线或“临澜通”小程序反映。",
]

GLUE = [
    "依据《基层政务公开标准指引》，|结合区政府权责清单，编制了本单位政务公开事项目录。",
    "各部门要以问题为导向|，对照年度考核指标逐项整改，确保按时完成。",
    "街道统筹辖区资源力量，|推动党建引领基层治理走深走实，形成共建共治共享格局。",
    "在区委区政府的坚强领导下，|我街道圆满完成了年度各项目标任务。",
    "现将有关事项公示如下，|公示期间接受社会各界监督。",
    "本年度政务公开工作坚持以人民为中心|，围绕中心工作主动回应社会关切。",
]

TRAPS = [
    "| 网格 | 网格员 | 联系方式 |\n|---|---|---|\n| 第一网格 | {person} | {mobile} |\n| 第二网格 | {person2} | {mobile2} |",
    "{month}月{day}日值班：{person}，手机{mobile}；带班领导：{person2}，手机{mobile2}。",
    "联系人：{person}，联系电话：{mobile}（工作日9:00-17:30）。",
    "“家长学校”线上交流群QQ：{qq}，由学校德育处老师统一管理，仅用于发布课程通知。",
    "考生须登录中国人事考试网（http://www.cpta.com.cn）打印准考证，逾期不予补办。",
    "居民可登录征信中心网站 www.pbccrc.org.cn 查询本人信用报告，切勿相信“征信修复”“征信洗白”等虚假广告。",
    "警惕以微信、QQ、陌陌、Telegram、WhatsApp等社交软件为渠道的“刷单返利”“虚假投资”诈骗。",
    "Please note the change of venue for the arrival. Online registration remains open until the end of the month.",
    "The Community Service Centre opens at 9 a.m. Visitors should bring their ID cards.",
    "学生资助政策可查询全国学生资助管理中心网站（www.xszz.org.cn）或拨打12110咨询。",
    "本次展销会设置非遗游戏试玩区和电子书阅读体验区，免费向居民开放。",
    "临澜区国际马拉松赛将于{month}月{day}日鸣枪开跑，赛事期间部分道路实行交通管制。",
    "街道电子政务平台已完成升级，居民可通过“临澜通”小程序在线预约办事。",
    "区文化馆组织戏曲、舞蹈等群众文化娱乐活动，丰富老年人精神生活。",
    "体育彩票公益金资助的健身路径已在南岭村文化广场建成投用。",
    "请下载安装“国家反诈中心”App并开启来电预警功能，遇到可疑电话及时拨打96110咨询。",
    "退役军人事务员{person}负责优待证办理咨询，电话{mobile}，地址为街道便民服务中心三号窗口。",
    "在读大学生可通过学信网（www.chsi.com.cn）完成学籍在线验证。",
]

INVENTED = ["博乐汇", "银狐", "天际", "蓝鲸", "火凤凰", "幸运星", "金象", "赢家", "宝莱坞", "翡翠宫",
            "极光", "猎豹", "富贵鸟", "喜来登", "百胜", "金玉满堂", "大满贯", "乐天堂"]
SLOT_GAMES = ["麒麟献瑞", "赏金船长", "疯狂水果机", "财富之轮", "雷神之锤", "五福临门"]
LISTED_BRANDS = ["新葡京", "澳门金沙", "澳门银河", "美高梅娱乐", "银河娱乐", "凯发娱乐", "华体会", "九游会"]
PINYIN_BRANDS = ["xinpujing", "aomen jinsha", "yinhe yule", "meigaomei", "jiuyouhui", "wnsr", "amjs", "huatihui"]

PAYLOADS = [
    ("listed-brand", "gambling", "{brand}真人视讯，每日签到领红包", ["plain", "zero-width"], "any"),
    ("listed-brand", "gambling", "{brand}官方授权，存款秒到账", ["plain"], "any"),
    ("split", "gambling", "在线赌场", ["dots", "spaces"], "any"),
    ("split", "gambling", "时时彩", ["dots", "spaces", "commas"], "any"),
    ("homoglyph", "app-download", "扫码下载APP领88红包", ["fullwidth", "cyrillic"], "any"),
    ("homoglyph", "gambling", "VIP专享 baccarat 返利", ["fullwidth", "cyrillic"], "any"),
    ("url", "url", "网址：{inv_site}", ["plain"], "any"),
    ("url", "url", "复制{inv_site_dot}到浏览器打开", ["plain"], "any"),
    ("contact", "contact", "想赚钱的加V：{wx}", ["plain"], "any"),
    ("contact", "contact", "招收代理 {mobile_spaced} 微同号", ["plain"], "any"),
    ("slang", "gambling", "老师带单稳赚，输了包赔，跟投就能回本", ["plain"], "any"),
    ("slang", "fraud", "在家用手机做任务，关注店铺就返佣金，宝妈学生都能做", ["plain"], "any"),
    ("slang", "porn", "附近寂寞的她在等你，私人一对一视频", ["plain"], "any"),
    ("slang", "fraud", "您的社保账户存在异常，需在24小时内添加专员进行资格认证", ["plain"], "any"),
    ("slang", "fraud", "恭喜获得平台内测名额，充值一千返现三千", ["plain"], "any"),
    ("invented-template", "app-download", "{brand_inv}最新官方版下载", ["plain"], "glued"),
    ("invented-template", "app-download", "{brand_inv}苹果版下载", ["plain"], "any"),
    ("invented-template", "app-download", "{brand_inv}破解版下载", ["plain"], "glued"),
    ("invented-template", "app-download", "{brand_inv}官方正版下载安装", ["plain"], "any"),
    ("invented-template", "gambling", "{brand_inv}体育网页版登录入口", ["plain"], "any"),
    ("invented-template", "gambling", "{brand_inv}电子官网入口", ["plain"], "glued"),
    ("invented-template", "gambling", "{brand_inv}彩票平台，一分钟一期", ["plain"], "any"),
    ("slot", "gambling", "{slot}电子游艺，爆分率高达98%", ["plain"], "any"),
    ("slot", "gambling", "{slot}试玩送888，首充加赠", ["plain"], "any"),
    ("slot", "gambling", "每日返水最高2%，电子游艺{slot}大奖不断", ["plain"], "any"),
    ("radical-emoji", "gambling", "六合彩", ["radicals", "emoji"], "any"),
    ("radical-emoji", "gambling", "澳门银河", ["radicals"], "any"),
    ("radical-emoji", "gambling", "马会资料", ["emoji"], "any"),
    ("pinyin", "gambling", "{pinyin}注册就送", ["plain"], "any"),
    ("pinyin", "gambling", "认准{pinyin}", ["plain"], "any"),
]
