"""Wording rules: numbers, units and the comparatives of Chinese plan text.

Every pattern here is a rule about how plans are worded (docs/format.md, operator table), not
about any one plan. Matching runs on a folded copy of the text of the same length (full-width
digits and punctuation made ASCII), so a match's offsets cut the verbatim quote from the
original.
"""

from __future__ import annotations

import re

from planck.extract.ops import OP

_FOLD = str.maketrans("０１２３４５６７８９．％，；：（）～－", "0123456789.%,;:()~-")


def fold(text: str) -> str:
    """Same length as ``text``: full-width digits and punctuation made ASCII."""
    return text.translate(_FOLD)


# Traditional characters of plan text and their simplified forms, one for one (a page of a Hong
# Kong or Taiwan outlet quoting a plan: 單位國內生產總值…累計降低17%). Only characters whose
# simplified form is unambiguous in this kind of text are listed.
_TRADITIONAL = (
    "經濟發國內產總長億萬噸標準歲數業際對與會實現達項個點綜糧單計勞動齡預壽養機構護佔費鎮調價漲規擬債專時劃綱過於務體設區縣鄉"
    "場廠廣東為這來後進開關當變從並處應將層屆議審報強統籌質環態結轉綠優穩擴網絡車輛電醫師療衛險參學員職銀貸稅額錄歷農戶號條貿"
    "資幣辦節約減淨廢級鐵橋運輸創擁執註冊兒園蓋門間聯雙舊換補貼陽衝擊製積極續認證組織導領樣齊類幾兩氣權興線綫視觀鏈鋼礦壓風災"
    "圍滿們驅傳種漁顯讓請說識讀課試語談邊遠選還鄰鄭陝瀋遼黃湯濱溫灣臺蘇閩贛魯粵瓊隴寧夠貨購賣買銷紡飲漢劑藥給揮較適離難雜競爭"
    "確潤虧損盤營稱軟碼測診圖書館劇團隊飛輪艦軍擔負頭顆題願響韌釋驗幫傷獎勵陸島嶼紅縮錢儲範週彈鬆壞壯聲獲貫徹歸義畫馬魚龍閉問"
    "舉傑潛細濃潔氫濕藍貧脫帶堅豐裝備檢據雲術嚴屬彙匯維紀協賽遊覽藝聞訊鮮廳閣萊華鳳陳劉張楊趙吳孫鄧蕭葉羅莊俠樓廈鎖錯鍵觸訂許"
    "評詳誠諾謀講謝譽讚貝貢財責賬貴賀賈賴贏趕輕載輔輯轄辭遲遷郵釐針鈔銅鋪錦鍋鏡鐘閘閥陣隨隱雖雞靈韓頁頂順須頻顧飯騰髮鬥鳴麥黨"
    "齒徑獻")
_SIMPLIFIED = (
    "经济发国内产总长亿万吨标准岁数业际对与会实现达项个点综粮单计劳动龄预寿养机构护占费镇调价涨规拟债专时划纲过于务体设区县乡"
    "场厂广东为这来后进开关当变从并处应将层届议审报强统筹质环态结转绿优稳扩网络车辆电医师疗卫险参学员职银贷税额录历农户号条贸"
    "资币办节约减净废级铁桥运输创拥执注册儿园盖门间联双旧换补贴阳冲击制积极续认证组织导领样齐类几两气权兴线线视观链钢矿压风灾"
    "围满们驱传种渔显让请说识读课试语谈边远选还邻郑陕沈辽黄汤滨温湾台苏闽赣鲁粤琼陇宁够货购卖买销纺饮汉剂药给挥较适离难杂竞争"
    "确润亏损盘营称软码测诊图书馆剧团队飞轮舰军担负头颗题愿响韧释验帮伤奖励陆岛屿红缩钱储范周弹松坏壮声获贯彻归义画马鱼龙闭问"
    "举杰潜细浓洁氢湿蓝贫脱带坚丰装备检据云术严属汇汇维纪协赛游览艺闻讯鲜厅阁莱华凤陈刘张杨赵吴孙邓萧叶罗庄侠楼厦锁错键触订许"
    "评详诚诺谋讲谢誉赞贝贡财责账贵贺贾赖赢赶轻载辅辑辖辞迟迁邮厘针钞铜铺锦锅镜钟闸阀阵随隐虽鸡灵韩页顶顺须频顾饭腾发斗鸣麦党"
    "齿径献")
_T2S = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def simplify(text: str) -> str:
    """Same length as ``text``: traditional characters written in their simplified form, so the
    wording rules (and the indicator names) read a traditional page as they read the mainland's."""
    return text.translate(_T2S)


#: A number, its thousands grouped or not (1,200 万人 on a Hong Kong page).
NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
DASH = r"[—–\-~]{1,2}"
SCALE = r"[万亿千]?"
# Longest first: 个百分点 before 个, 亿元 before 元 and 亿, 件/万人 before 件.
UNITS = ("个百分点", "百分点", "亿美元", "万美元", "美元", "亿元", "万元/人", "元/人", "万元", "元",
         "万家", "万人", "万个", "万件", "万名", "件/万人", "亿吨标准煤", "万吨标准煤", "吨标准煤",
         "亿吨", "万吨", "吨", "家", "个", "项", "件", "名", "人", "位", "%", "岁", "年", "平方公里",
         "公顷", "亩")
#: Units that are also words of a date or a period (2025年, 5年内): a figure in them needs a
#: comparative right before it (提高到11.7年, 达到80岁).
NEED_COMPARATIVE = ("年", "岁")
_UNIT = "|".join(re.escape(u) for u in UNITS)

#: A figure: a number or range, an optional scale word, a unit. Groups: a, b, scale, unit.
FIGURE = re.compile(rf"(?<![\d.+])({NUM})(?:%?(?:{DASH}|至|到)({NUM}))?\s*({SCALE})\s*({_UNIT})(?![A-Za-z+])")
#: Comparative words written right before a figure, longest first; value -> (op, direction).
BEFORE = {
    "不少于": OP.at_least, "不低于": OP.at_least, "至少": OP.at_least, "达到": OP.at_least,
    "提高到": OP.at_least, "提高至": OP.at_least, "提升到": OP.at_least, "提升至": OP.at_least,
    "增加到": OP.at_least, "增加至": OP.at_least, "增长到": OP.at_least, "增至": OP.at_least,
    "扩大到": OP.at_least, "达": OP.at_least, "超过": OP.more_than, "突破": OP.more_than,
    "超": OP.more_than, "高于": OP.more_than, "不超过": OP.at_most, "不高于": OP.at_most,
    "低于": OP.at_most, "控制在": OP.at_most, "降低到": OP.at_most, "下降到": OP.at_most,
    "降至": OP.at_most, "保持在": OP.at_least, "稳定在": OP.at_least,
    # 迈上10万亿元台阶, 缩小到1.9以内: a level reached, a level not exceeded
    "迈上": OP.at_least, "跨上": OP.at_least, "跃上": OP.at_least, "站上": OP.at_least,
    "缩小到": OP.at_most, "缩小至": OP.at_most, "压减到": OP.at_most, "压减至": OP.at_most,
    "减少到": OP.at_most, "减少至": OP.at_most, "下降至": OP.at_most, "降低至": OP.at_most,
    "年均增长": OP.annual_growth, "年均提高": OP.annual_growth,
    "年均递增": OP.annual_growth, "年均增速": OP.annual_growth,
    # a year's growth of a level (地区生产总值增长5%左右): the level's growth rate
    "增长": OP.annual_growth, "增速": OP.annual_growth,
    # GDP增长预期目标为5%左右: the growth target named as such
    "增长目标为": OP.annual_growth, "增长预期目标为": OP.annual_growth, "增长目标是": OP.annual_growth,
    "增速目标为": OP.annual_growth, "增长预期目标是": OP.annual_growth,
}
_BEFORE = re.compile("(?:" + "|".join(sorted(map(re.escape, BEFORE), key=len, reverse=True))
                     + r")\s*(?:约|近)?\s*$")
#: Words right after a figure.
AFTER = {"以上": OP.at_least, "及以上": OP.at_least, "左右": OP.about, "以内": OP.at_most,
         "以下": OP.at_most}
_AFTER = re.compile(r"^\s*(及以上|以上|左右|以内|以下)")
#: Words anywhere earlier in the clause that change what the figure measures.
MODES = (("年均增长", OP.annual_growth), ("年均提高", OP.annual_growth),
         ("新增", OP.increase_by), ("新建", OP.increase_by), ("净增", OP.increase_by),
         ("每年", OP.per_year), ("年均", OP.per_year), ("累计", OP.cumulative),
         ("降低", OP.decrease_by), ("下降", OP.decrease_by), ("减少", OP.decrease_by))
#: A rank: 前30名 / 前十位.
RANK = re.compile(r"前\s*(\d+)\s*(?:名|位|强)")
#: Doubling words, with the factor they state.
MULTIPLE = re.compile(r"(翻两番|翻一番|翻番|倍增)")
FACTORS = {"翻两番": 4.0, "翻一番": 2.0, "翻番": 2.0, "倍增": 2.0}
COVERAGE = re.compile(r"全覆盖")
#: 接近/达到/超过 全省(全国)平均水平.
REFERENCE = re.compile(r"(接近|达到|超过|高于|不低于)\s*(全省|全国|全市)\s*平均水平")
#: Baseline beside a target: 由X增至Y, 从X提高到Y (X's unit may be left out).
FROM_TO = re.compile(rf"(?:由|从)\s*(?:(\d{{4}})年(?:的)?)?\s*(?:人均|每人)?\s*({NUM})\s*({SCALE})\s*"
                     rf"({_UNIT})?"
                     rf"\s*(?:增长到|增长至|增加到|增加至|提高到|提高至|提升到|提升至|增至|"
                     rf"扩大到|达到|上升到|上升至|降低到|降至|下降到|减少到)")
#: Which figures a doubling is measured against: 比2020年翻番.
VERSUS = re.compile(r"(?:比|较)\s*(\d{4})\s*年")

#: Goal verbs: a bare figure after one of these in a target sentence is at least that many.
#: Not plan indicators: fiscal arrangements (拟发行国债, 安排…专项债券, 赤字率拟按…安排).
FISCAL = re.compile(r"国债|专项债|赤字|预算内投资|预算支出规模")

LEAD_VERBS = (r"新培养|培育|建设|建成|实施|支持|引进|培养|组建|布局|争创|创建|打造|选树|认定|推动|"
              r"形成|完成|设立|举办|开展|组织|新建|新增|实现|安排|招引|吸引|储备|突破|攻克|评选|"
              r"遴选|新认定|获批|申报|引育|集聚|引导|带动|疏解|提质|改造|新开工")
GOAL_VERBS = re.compile(f"(?:{LEAD_VERBS})")


def number(text: str) -> float:
    """A figure's number as a float (caller passed a NUM match)."""
    return float(text.replace(",", ""))


def clean(value: float) -> float | int:
    """1600.0 -> 1600 so drafts read like the plan."""
    return int(value) if float(value).is_integer() else round(value, 10)


def comparative_before(prefix: str) -> tuple[str, str] | None:
    """(wording, op) when ``prefix`` ends in a comparative word."""
    m = _BEFORE.search(prefix)
    if not m:
        return None
    word = m.group().strip().rstrip("约近").strip()
    return word, BEFORE[word]


def comparative_after(suffix: str) -> tuple[str, str] | None:
    m = _AFTER.match(suffix)
    return (m.group(1), AFTER[m.group(1)]) if m else None


def mode_in(prefix: str) -> tuple[str, str] | None:
    """The last mode word (新增, 每年, 累计, 降低…) in ``prefix``, if any."""
    best = None
    for word, op in MODES:
        i = prefix.rfind(word)
        if i >= 0 and (best is None or i > best[0] or i == best[0] and len(word) > len(best[1])):
            best = (i, word, op)
    return (best[1], best[2]) if best else None


def unit_and_value(value: float, scale: str, unit: str) -> tuple[float, str, str | None]:
    """Apply a scale word: (value, unit, note). 1万家 -> 10000 家; 3亿元 stays 亿元."""
    if unit in ("个百分点",):
        unit = "百分点"
    if not scale:
        return value, unit, None
    if unit in ("%", "百分点"):
        return value, unit, None
    factor = {"万": 1e4, "亿": 1e8, "千": 1e3}[scale]
    if unit in ("元", "元/人", "美元") and scale in "万亿":
        return value, scale + unit, None
    if unit == "人" and scale == "万" or scale + unit in ("万吨", "亿吨", "万吨标准煤", "亿吨标准煤"):
        return value, scale + unit, None  # units planck knows at that scale
    return value * factor, unit, f"{scale}{unit} written as {unit} × {clean(factor)}"
