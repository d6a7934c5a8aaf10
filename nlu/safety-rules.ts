/**
 * High-precision rules. Life-safety words always give the security category; severity cues
 * override the severity classifier for complaints. Rules run on normalised text (NFKC, lower case).
 */
import { normalize } from './features.js';
import type { Severity } from './types.js';

interface Rule {
  name: string;
  pattern: RegExp;
}

/** Life-safety cues (Chinese and English). Each name is the canonical cue reported in `rules`. */
export const SAFETY_RULES: readonly Rule[] = [
  { name: '着火', pattern: /(?<!睡)着起来了|(?<![打点]不?|不)[着著]火|(?<![找跟随])着伙(?!伴|食|计)|起火|失火|火灾|火警|烧起来|火苗|明火|锅里的?(?:油)?着了|火(?:下不去|灭不了|扑不灭|灭不掉|越烧越大|越来越大)/ },
  { name: '冒烟', pattern: /冒烟|浓烟|冒黑烟|^(?!.*(?:加湿器|热水器|排气|井盖|蒸汽|正常|火锅|锅|水雾|洗车|空调|除霜|冷气|水壶|开水|广告|不会))(?=.*(?:车|电池|充电|配电|电箱|电表|表箱|插座|机房|房间|地下室|楼道|爆|响|味|呛|焦)).*冒白烟|烟雾很大|(很多|好多|一大股)烟(?![头蒂灰盒味])|烟(很多|好多)/ },
  { name: '焦糊味', pattern: /焦糊味|糊味|烧焦味|焦味|烧(?:塑料|胶皮|橡胶|电线)的?(?:味|位道|气味)|(?:塑料|胶皮|橡胶|电线)烧(?:焦|着)|\bburning plastic\b|\bmelting plastic\b/ },
  { name: '燃气泄漏', pattern: /^(?!.*(?:会不会|会被|会[^。]{0,6}吗|能不能|可以[^。]{0,8}吗|要挪|挪位|改管|漆|保护套))(?:.*?)(?:(?:燃气|煤气|天然气)(?:管(?!理)|管道|管子)[^。]{0,8}(?:打穿|钻穿|挖断|被钻|钻了|砸扁|砸坏|咝咝|嘶嘶)|(?:把|被)[^。]{0,4}(?:燃气|煤气)(?:管(?!理)|管道|管子)[^。]{0,4}(?:钻|打穿|挖断|砸)|(?:钻|打穿|挖断|钻到)[^。]{0,4}(?:燃气|煤气|天然气)(?:管(?!理)|管道)|(?:燃气|煤气|天然气)(?:管(?!理)|管道|管子)[^。]{0,6}(?:破了|断了)[^。]{0,10}(?:漏|味|嘶|冒))|^(?=.*(?:味|闻|臭|冲|刺鼻)).*(?<!不)(?:像是?|好像是?|感觉是)(?:燃气|煤气|天然气|液化气)(?![费表公司灶具管道热水器没开])|(?:跟|和)(?:燃气|煤气|天然气|液化气)(?:差不多|一样)|(?:燃气|煤气|天然气)一样的味|(?<!(?:doesn'?t|does not|don'?t|not|never) )\bsmells? (?:something |a bit |kind of )?like (?:a )?(?:natural |propane |bottled )?gas\b(?!\s*station)|\bsmell something like gas\b|\bsmells? (?:like |of )propane\b|(煤气|燃气|天然气|液化气)(泄漏|泄露|漏气|漏了|味|的味道|外泄)|(煤气|燃气|天然气|液化气)(管道?|管子|阀门?|罐|瓶).{0,4}(泄漏|泄露|漏气|漏了)|漏(煤气|燃气|天然气)/ },
  { name: '被困电梯', pattern: /被困|电梯[^。]{0,16}把[^，。]{0,8}困(?:住|在(?!家|\d|[一二三四五六七八九十]+楼|楼上|楼下))(?![^，。]{0,6}(?:下不去|出不了门))|困在电梯|电梯.{0,6}困(人|住|了)|关在电梯|电梯.{0,4}(出不来|打不开门.{0,3}里面有人)/ },
  { name: '小偷', pattern: /小偷|(?:有人|有个人|正|有个男的|有个女的)在偷(?!偷|懒|听|看|笑|税|拍|倒|停|接|养|跑|吃)|有贼|进贼|遭贼|招贼|盗窃|被盗|失窃|入室|偷(东西|车|走|了)|盗贼/ },
  { name: '撬门', pattern: /撬(门|锁|窗|开)/ },
  { name: '打架', pattern: /打架|斗殴|打人|^(?!.*(?:狗|猫|孩子们?又|两个孩子|俩孩子|哈哈)).*又打起来|^(?!.*(?:上周|上次|昨天|昨晚|前天|前几天|上个月|那次|去年)).*(?:两伙人|几个人|两个人|一群人)打起来了?|动手打|持刀|拿刀|砍人|行凶/ },
  { name: '持刀', pattern: /(?:拿|握|提|举|挥|攥)(?:着|了)?(?:一)?(?:把)?(?:刀|菜刀|砍刀|水果刀|斧头?|铁棍|钢管)(?!具|架|片)|(?<!\b(?:workm[ae]n|workers?|builders?|contractors?|plumbers?|electricians?|gardeners?|roofers?|locksmiths?|tradesm[ae]n|decorators?|fitters?|engineers?|butchers?|chefs?)\b[^.]{0,20})\b(?:holding|waving|with|brandishing|pulled) (?:a|an) (?:knife|machete|axe|hammer|bat|cleaver|meat cleaver|crowbar|gun|blade)\b(?![-']|\s+(?:rack|metal|shaped|sharpener|drill|case|cabinet|safe|licen[cs]e|holder|sheath|cover|grey|gray|finish|colou?r(?:ed)?)\b)(?![^.]{0,30}\b(?:sharpen\w*|selling|for sale)\b)|\b(?:with|holding|waving|brandishing) (?:a|an) (?:knife|machete|axe|hammer|bat|cleaver|crowbar|gun|blade)\b[^.]{0,40}\b(?:threaten\w*|chasing (?:me|us|him|her|them|the|a|my|people|residents|kids)|attack\w*|kill|going for)\b|\bpoint(?:ing|ed|s) (?:a|an|the|his|her|their) (?:gun|pistol|rifle|knife|crossbow)\b|\b(?:he|she|they|someone|somebody|man|guy|woman|intruder)(?:'s| has| had| is| was)? (?:got |carrying |armed with )(?:a|an) (?:gun|pistol|rifle|shotgun|knife|machete|crossbow)\b(?![-']|\s+(?:rack|licen[cs]e|safe|cabinet|allergy)\b)|\b(?:he|she|they|someone|somebody) (?:has|had) (?:a|an) (?:gun|pistol|rifle|shotgun|machete)\b(?![-']|\s+(?:rack|licen[cs]e|safe|cabinet)\b)|\barmed (?:m[ae]n|person|people|guy|intruders?|robbers?|burglars?|gang)\b|\bwith (?:a|an) (?:iron bar|metal bar|metal pole|baseball bat|cricket bat|kitchen knife|large knife|big knife|pistol|rifle|shotgun)\b(?!\s+(?:set|block|rack|sharpener|holder|licen[cs]e|cabinet|safe)\b)/ },
  { name: '可疑人员', pattern: /可疑(人员|的人|人物|男子|女子)|陌生人.{0,6}(尾随|徘徊|敲门|跟踪)|尾随/ },
  { name: '救命', pattern: /救命|救名|有人晕倒|晕倒了|昏迷/ },
  { name: '爆炸', pattern: /爆炸|炸了(?!锅)/ },
  { name: 'fire', pattern: /\bfire\b(?!(?<=\b(?:when|whenever|if|once|until|does|do|every time|each time|in case) (?:the |a |an |our |my |any |\w+ )?fire)\s*alarms? (?:goes|go) off\b)(?!\s*(?:extinguisher|door|exit|hydrant|alarm test|drill|escape|lane|hose|hazard|risk|safety|code|regulations?|inspection))(?!\s*(?:engines?|trucks?)\b(?!.*\b(?:(?:not|no|isn'?t|is this|is it) (?:a |the )?(?:drill|practice|exercise)|for real|evacuat\w*)\b)(?<!\b(?:(?:not|no|isn'?t|is this|is it) (?:a |the )?(?:drill|practice|exercise)|for real|evacuat\w*)\b.*)(?:(?=.*\b(?:drill|exercise|practice)\b)|(?<=\b(?:drill|exercise|practice)\b.*)))|\bon fire\b|\bburning\b(?! (?:incense|candles?|joss|paper offerings?))|\bflames?\b/ },
  { name: 'smoke', pattern: /\b(?:socket|plug|outlet|wires?|wiring|cables?|charger|battery|fuse ?box|meter|switch|appliance|heater|toaster|microwave|kettle|fan|tv|computer|laptop|hob|oven|dryer|bin store|bins|chute|engine|cooker|stove|boiler|motor|scooter|e-?bike)\b(?<!\b(?:someone|somebody|people|workers?|guys?|flatmate|he|she|they|man|woman|neighbou?rs?|staff|guards?)\b.{0,40})(?: \w+){0,3} (?:is|was|are|started|still|and|it'?s|it is) (?:still )?smok(?:ing|es)\b|\bsmoulder\w*|\bsmolder\w*|\bsmoke\b(?!\s*(?:detector|alarm))|\bsmoky\b|burning smell|smell(?:s|ing)? (?:of )?(?:something )?burn/ },
  { name: 'gas', pattern: /\bgas\s*(?:leak|leaking|smell)|^(?!.*\bkettle\b)(?:.*?)(?:\bgas (?:pipe|meter|line|valve|cylinder|bottle|main|supply|tap|hob|ring|hose|canister|tank)s?\b.{0,30}\bhiss|\bhiss\w*.{0,30}\b(?:from|at|near|by|around) (?:the |a |my )?gas\b(?! station| bill| company| engineer))|smell(?:s|ing)? (?:of )?gas|\bleak(?:ing)? gas/ },
  { name: 'trapped', pattern: /\btrapped\b|\bstuck in (?:the |an |a )?(?:elevator|lift)|(?:elevator|lift) .{0,20}\bstuck\b.{0,20}\b(?:inside|people|someone|kid|child|person|man|woman)/ },
  { name: 'break-in', pattern: /\bbreak[- ]?in\b|(?<!\bwaters? (?:have |has |just )?)\bbroke in(?:to)?\b|\bbreaking in(?:to)?\b|\bburglar|\bburglary\b|\bthie(?:f|ves)\b|\bintruder|\bpicking the lock|\bpried (?:open|the)/ },
  { name: 'fight', pattern: /\bfight(?:ing)?\b|\bassault|\bknife\b|\bstabb/ },
  { name: 'suspicious', pattern: /\bsuspicious (?:person|man|woman|people|guy|stranger|individual)|\bstranger .{0,20}(?:following|lurking|loitering)/ },
  { name: 'help', pattern: /\bhelp!|\bunconscious\b|\bpassed out\b/ },
];

/**
 * Extended hazard cues (falls from height, electricity, flooding of electrical rooms, medical
 * emergencies, intruders, missing children, animals…). They give security unless the message is
 * a claim about something that already happened (赔偿, 投诉, 承担责任 …), which is a complaint.
 */
export const HAZARD_RULES: readonly Rule[] = [
  { name: 'elevator-occupied', pattern: /(人|孩子|小孩|老人|我|妈|爸)[^，。]{0,4}在电梯里.{0,16}(卡|停|不动|打不开|出不去)|电梯.{0,12}(里面有人|有人在里|(?<!没|无)人在里|我在里|(?<!没人|没有人|无人|算|包|含|括)在里面|(?<!没人|没有人|无人|算|包|含|括)在里头|关人|关在|困住|出不去|下坠|掉了.{0,4}层)|(关|困)(在)?电梯里|(在|人在)电梯里.{0,10}(打不开|出不去|停)|电梯.{0,4}(stuck|卡住).{0,6}(我|人|里)/ },
  { name: 'intruder', pattern: /撬|翻墙|翻进|翻过|抢(包|劫|了|东西)|偷(拍|窥|电|车|东西|快递|衣服|窨井|了)|砸车|车.{0,8}被.{0,4}(划|砸|扎)|(被|有人|谁).{0,6}(划|扎)了?.{0,4}(车(?!位|库|道|场|棚)|胎)|(有人|谁).{0,4}把.{0,6}(车胎|轮胎|车(?!位|库|道|场|棚)).{0,3}(扎|划)|冒充|鬼鬼祟祟|徘徊|转悠|尾随|跟(着|了)我|一直跟|跟了.{0,4}一路|(有|一个|个|两个|几个)陌生(人|男|女|的).{0,10}(在|一直|敲|拍|跟|徘徊|转|拉|推|闯|翻|盯)|陌生(人|男|女|的).{0,6}(闯|跟着我|跟踪|在我家|在门口|敲门|拍门|进(了|来了|到)|不走)|(家里|屋里|我家|房间).{0,6}(进来|进了).{0,6}陌生|(在|正在)(划|扎|砸)车|闹事|醉汉|拿着(刀|棍|酒瓶)|持(刀|棍)|动手|(?<!(?:狗|猫|孩子)又?)打起来|(?:大人|两口子|夫妻|两家人?|业主|邻居|男的|女的|大爷|阿姨|老人|保安)[^，。]{0,12}打起来|追人|吸毒|赌博|可疑|试.{0,6}密码|推门|(拉|试|拧).{0,4}门把手|砸门|挨家挨户|(敲|拍|按).{0,6}(门|门铃|门禁).{0,12}(不说|不出声|不吭声|不回答|不开口)|\bwon'?t say who\b/ },
  { name: 'medical', pattern: /晕倒|昏倒|昏到|晕了|(?<!(?:差点|快|快要|都要|要|都快)(?:就)?|(?:账单|物业费|吵得|气得|看到|烦得|累得)[^，。]{0,6})(?:晕|昏)过去|(?<!差点|快|都快|快要)(?:热晕(?:过去|倒|在)|(?<!防|想让我们|让我们|想让人)中暑(?!的药|药|预防|怎么|吗|啊))|(?:老人|大爷|大妈|阿姨|师傅|小哥|孩子|保安|工人|有人)[^，。]{0,6}热晕了|叫不醒|倒地|一动不动|躺着不动|起不来|见血|满脸是血|很多血|头破|心脏病|救护车|(?:打|叫|拨|喊|等|联系|call(?:ed)?|dial(?:led)?)[^，。！!？?\d]{0,5}120(?!\d)|(?<!\d)120(?!\d).{0,6}(?:来了|到了|急救|救护|快来|还没来|没来|不来)|喘不过气|中毒|溺水|掉进.{0,3}(池|河|湖|水|井)|触电|被电(?!动|瓶|梯|费|脑|视|话)|咬人|狗.{0,8}咬|咬(伤|到)(了)?(人|孩子|小孩|腿|手)|蛰|蛇|马蜂|跳楼|轻生|情绪很不对|(孩子|小孩|老人|女儿|儿子|孙子|孙女|老太|老头|人).{0,8}(走失|走丢|不见了)|(走失|走丢)的(小孩|孩子|小朋友|老人)|找不到(家长|孩子|小孩|我的孩子)|迷路|夹住|(手|脚|腿|头|胳膊|手指|脖子|孩子|小孩|宝宝|老人|人|狗|猫)[^，。]{0,4}(?<![的张])卡在(?!哪).{0,6}(缝|门|里)|锁在车里|(?<!(?:怕|担心|万一|防止|以免|哪天)[^，。]{0,6})掉下去|摔下来|撞(人|了人|到人|到小孩)|被车撞(?![弯坏断歪烂])|飙车|横冲直撞/ },
  { name: 'falling-objects', pattern: /高空(抛物|坠物)|从.{0,6}楼.{0,3}(扔|掉|抛|砸|丢下)|楼上.{0,6}(扔|抛|掉|丢下|throw)|往下(扔|抛|砸|丢)|砸(到|伤|中)了?人|砸中.{0,3}(老人|小孩|孩子|阿姨|大爷|行人|一个人)|差点砸|摇摇欲坠|快掉下来|还在往下掉|倒了.{0,8}(压到|压住|砸到|砸中)|压(到|住)了?(人|车)|掉下来.{0,10}(砸|(?<!没|无|没有|找|叫|派|来)人|路)|栏杆外|爬到窗台|(孩子|小孩).{0,8}窗台|针头|可疑包裹|(玻璃|窗户?).{0,4}(炸裂|爆裂).{0,12}(楼下|掉|落|砸)|没人认领/ },
  { name: 'hanging-object', pattern: /悬在半空|(?:裂开|松了|松动|脱开|松脱)[^。]{0,8}(?:在晃|晃动|哐哐响)[^。]{0,15}(?:人|入口|门口|路)|(?:脱开|松脱|掉了一角|翘起来)[^。]{0,15}(?:下面是|下面有人|下面就是|人来人往|(?:菜市场|小区|单元|商场)?(?:入口|门口))|挂在(那儿|那里|半空|外面).{0,4}晃|(外机|空调|广告牌|招牌|防盗网|雨棚|外墙|窗外|楼外|空中|半空).{0,10}斜挂着|斜挂着.{0,12}(下面|底下|路|人|出口|入口|门口)|(吊灯|广告牌|招牌|外机|防盗网|雨棚).{0,12}(晃得厉害|好像要掉|要掉下来|快(要)?掉(了|下来))|塌了.{0,10}(还在|一直|往下)掉|还在掉(东西|渣|块|水泥)|(断了?|裂了?|松|晃|挂着|吊在|往下掉).{0,16}(下面|底下)(就)?是(人行道|路|小区入口|入口|单元门|大门|儿童|小孩|停车|住户|商铺|门口|行人|人)|(吊在|悬在|挂在).{0,6}(单元门|大门|入口|人行道|儿童乐园).{0,3}(上面|上方|上空)|\b(?:loose|hanging|coming off|falling|swaying|rattling|cracked)\b.{0,40}\b(?:above|over) (?:the |a )?(?:main |front )?(?:entrance|door|footpath|pavement|playground|path|walkway)\b|\b(?:swinging|swaying)\b.{0,40}\babout to (?:fall|come down|drop)\b(?! off)|\bhanging (?:by|from) (?:one|a single|a) (?:bracket|bolt|screw|wire|cable|thread)\b|\bhalf off (?:its|the) (?:brackets?|fixings?|mounts?)\b|\babout to (?:fall|come down|drop) (?:on|onto)\b|\b(?:could|might|going to) (?:fall|drop|come down) on (?:someone|people|anyone|somebody)\b/ },
  { name: 'missing-person', pattern: /^(?!(?=.*(?:万一|如果|以防|防止|怕(?:他|她)|担心|猫|狗|宠物|它|平时都这样|经常这样))(?!.*(?:真的|现在|已经|刚才|刚刚|到现在|一下午|一上午|半天|天黑|(?<!万一|怕|担心|如果|以防|防止|要是)(?:找不到|没找到|不见了|走丢了|关机|打不通|联系不上|没回来|还没回))))(?:.*?)(?:(?:老年痴呆|痴呆|阿尔茨海默|糊涂了|脑子不(?:太)?清楚|糖尿病|心脏病|癫痫)[^。]{0,20}(?:走丢|(?<![药卡证匙镜机包])(?:不见了|找不到|没找到)(?![的药])|没回来|没带药|(?:出门|出去)[^。]{0,8}(?:小时|钟头|天黑|没回|没找到|找了))|(?:不见了|找不到|走丢)[^。]{0,15}(?:老年痴呆|痴呆|糖尿病|心脏病|没带药))|^(?!(?=.*(?:万一|如果|以防|防止|怕(?:他|她)|担心|猫|狗|宠物|它|平时都这样|经常这样))(?!.*(?:真的|现在|已经|刚才|刚刚|到现在|一下午|一上午|半天|天黑|(?<!万一|怕|担心|如果|以防|防止|要是)(?:找不到|没找到|不见了|走丢了|关机|打不通|联系不上|没回来|还没回))))(?=.*(?:出门|出去|离家|走了|一个人|没回))(?:.*?)(?:老年痴呆|痴呆|阿尔茨海默|糊涂了|脑子不(?:太)?清楚|糖尿病|心脏病|癫痫)[^。]{0,20}(?:联系不上|打不通|关机)|\b(?:dementia|alzheimer'?s)\b[^.]{0,60}\b(?:lost (?:his|her|their) way|wandered(?! (?:in|into|to|over))|missing|can'?t find (?:him|her|them)|lost(?! (?:her|his|my|the|a|their) )|gone (?:missing|off|out))\b|^(?=.*(?:放学|分钟|小时|钟头|天黑|这么晚|到现在|半夜|晚上|一下午|一上午)).*(女儿|儿子|(?<![女男])孩子|小孩|闺女|孙子|孙女|外孙|\d+岁)[^。]{0,40}(没看到|没找到|喊也没应|喊不应|没到家|没回家|还没回来|没有?回来|找不到(了|人)?|联系不上|关机|电话.{0,3}(不接|打不通))|^(?=.*(?:小时|到现在|一天|一晚|一夜|早上|上午|中午|下午|晚上|天黑|痴呆|糊涂|电话|联系不上)).*(老人|老爷子|老太|老头|我爸|我妈|父亲|母亲|奶奶|爷爷|外婆|外公|姥姥|姥爷).{0,10}(出门|出去|遛弯|散步|买菜|离家|走了).{0,16}(还没回|没有?回来|联系不上|电话.{0,3}(不接|打不通|没人接))|(老人|邻居|独居).{0,10}(好几天|两天|三天|几天|\d+天)没(出门|出来|露面|见)|^(?=.*\b(?:hours?|this morning|since|last night|dementia|confused|went (?:out|for)|days|phone|door)\b).*\b(?:dad|father|mum|mom|mother|grandma|grandpa|grandmother|grandfather|granny|elderly \w+|old (?:man|lady|woman))\b.{0,60}(?:\b(?:still )?(?:hasn'?t|has not|not) (?:come back|returned|come home|come out|been seen)\b|\b(?:isn'?t|is not|not) answering (?:his|her) (?:phone|door)\b)|\bdementia\b.{0,40}\b(?:missing|wandered|hasn'?t|not back|lost(?! (?:her|his|my|the|a|their) ))\b|\b(?:missing|wandered off|lost)\b.{0,40}\bdementia\b/ },
  { name: 'crime-now', pattern: /剪.{0,4}锁|\bcutting (?:the |a |my |through (?:the |a )?)?(?:lock|chain|padlock|bike lock)s?\b|\bfollowed (?:me |us |her |him )?(?:all the way |right )?(?:home|to (?:the|my) (?:door|building|lobby))\b|\b(?:i'?m|i am|we'?re|we are|she'?s|he'?s) hiding\b/ },
  { name: 'electrical-flood', pattern: /电线.{0,10}(掉|带电|冒火|火花)|火花|冒火|带电|滋滋响|噼里啪啦|(电房|配电).{0,8}(进水|淹|水|烧焦|烟)|电梯井.{0,4}进水.{0,8}(运行|还在)|水淹|灌水|淹(了)?车|车都要被淹|积水.{0,8}(膝盖|腰)/ },
  { name: 'fire-smell', pattern: /烟感|烟雾报警|有烟(?![头灰蒂盒])|烟很大|(?<!油)烟味|全是烟(?![头灰蒂])|放火|玩火|点着|(有人|在|正在)[^，。？?]{0,6}烧纸|烧垃圾|(鞭炮|烟花).{0,8}(点着|着了|引燃|烧着|烧起来|炸(伤|到))|嘶嘶|漏气|汽油|臭鸡蛋|烧焦|火一直在烧|(东西|什么|垃圾|纸箱|纸板|电线|草|树叶)在烧|(燃气|煤气|gas).{0,6}(味|表.{0,4}冒)|有gas/ },
  { name: 'en-hazard', pattern: /\bcollapsed\b|\bfainted\b|\bnot moving\b|\bisn'?t moving\b|\bbleeding\b|\bambulance\b|\bheart attack\b|\bdrown|\b(?:someone|somebody|person|man|woman|lady|guy|child|kid|boy|girl|baby|toddler|dad|mum|mom|father|mother|grandma|grandpa|granny|he|she|neighbou?r|resident)\b.{0,20}\bfell\b|\bfell (?:into|in) (?:the |a )?(?:pool|pond|river|lake|water|canal|well|manhole|shaft|hole)\b|\bfell on (?:someone|somebody|a (?:child|kid|man|woman|person)|people|him|her)\b(?!(?:'s|s'|')\s+(?!(?:head|face|back|neck|legs?|arms?|shoulders?|foot|feet|hands?|body|chest)\b)\w|\s+(?:car|cars|van|vans|bike|bikes|roof|bonnet|windscreen|balcony|bay|bays|parking|mailbox|mailboxes|window|windows|garden|terrace|desk|stuff|things|belongings|washing|laundry|furniture|parcel|property|vehicle|vehicles|shed|fence|garage|house|flat)\b)|\belectric shock\b|\blive wire\b|\bsparks\b|\belectrical room\b.{0,20}\bflood|\bflood.{0,20}\belectrical room\b|\bthrown from\b|\bthrew .{0,20}(?:from|upstairs|window)|\bnearly hit\b|\bstranger\b|\bfollow(?:ing|ed) (?:me|her|him|my)\b|\btrying door|\bforced open\b|\bsmashing\b|\b(?:someone|somebody|they|he|she|guys?|m[ae]n|kids?|teenagers?|people)\b.{0,20}\bsmashed\b|\b(?:car|van)s? (?:window|windscreen|windshield|mirror)s?\b.{0,20}\bsmashed\b|\bsmashed (?:in|into|open|my|our|his|her|the (?:car|van|window))\b|\bscratched\b(?!.{0,25}\b(?:floor|floors|wall|walls|tiles?|cabinet|worktop|furniture|parquet)\b)|\bstolen\b|\bsteal(?:ing)?\b|\bclimbed over\b|\bsnake\b|\bdog attack|\battacked\b|\bdrunk\b|\bpretending to be\b|\bdoor to door\b|\bbanging on (?:my|the) door\b|\bedge\b.{0,20}\b(?:roof|hurry)|\b(?:roof|rooftop)\b.{0,20}\bedge\b|\brailing\b|\bpanicking\b|\bcan'?t find my\b|\bmissing (?:child|kid|boy|girl)\b|\bexplosion\b|\b(?:lift|elevator)\b.{0,30}\b(?:inside|in it|in there)\b|\bgetting flooded\b|\bstill rising\b|\bwater\b.{0,40}\b(?:switch|electrical|plant) room\b|\b(?:hand|finger|foot|leg|arm|head)s? (?:is |are |got |has been )?(?:caught|stuck|trapped) in\b|\bflooding\b|\bgas smell|\bgas (?:company|board|engineer|network)\b(?![^.]{0,60}\b(?:fixed|repaired|sorted|all fine|last (?:week|month)|yesterday)\b)[^.]{0,80}\b(?:leak\w*|evacuat\w*|get (?:everyone |us |people )?out|leave (?:the|my|our) (?:flat|building|house|home))\b|\bstuck in (?:the )?(?:revolving|gate|door)/ },
  { name: 'unresponsive', pattern: /抽搐|癫痫|不省人事|没(有)?(了)?(呼吸|意识|知觉)|叫不(醒|应)|喊.{0,4}(不应|不理|没反应|也不理|也不应)|叫.{0,3}没(有)?反应|(躺|趴)(在)?(地上|花坛|路边|楼梯)|倒在(地上|花坛|路边|楼梯)|一动(也)?不动|胸口(疼|痛)|喘不上气|磕(到|破)了?头|流了?(好多|很多|一地)血|摔(了|倒)了?.{0,6}(动不了|起不来|肚子疼)|\bseizure\b|\bnot breathing\b|\b(?:can'?t|cannot|couldn'?t) breathe\b|\b(?:he|she|they|someone|somebody|man|woman|lady|person|child|kid|baby)\b.{0,30}\bunresponsive\b|\b(?:isn'?t|is not|not|won'?t) (?:responding|waking|wake up|breathing)\b|\bchest (?:pain|hurts)\b|\bhis chest hurts\b|\bgasping\b|\bhit (?:his|her|their) head\b|\blot of blood\b|\b(?:fell|slipped) and (?:can'?t|cannot) get up\b|\bman down\b/ },
  { name: 'self-harm', pattern: /自杀|寻死|想不开|要跳(楼|下去|河|湖)|(说|嚷着|闹着|扬言|好像|看样子|准备|想)要跳|(楼顶|天台|顶楼|窗台|栏杆|护栏)[^。]{0,10}(坐|站)在?.{0,4}边|往下跳|(站|坐)在.{0,6}(楼顶|天台|顶楼|护栏|栏杆|窗台|桥).{0,4}(边|上)|\bsuicid|\b(?:threaten(?:ing|s)?|going|wants?|trying) to jump\b|\bon the (?:roof )?(?:ledge|edge)\b|\bkill (?:him|her|them)self\b/ },
  { name: 'child-at-risk', pattern: /(小孩|孩子|宝宝|小朋友|婴儿).{0,10}(往窗外爬|爬(出|上|到)(窗|阳台|护栏|栏杆|天台|楼顶)|(坐|站)在(窗台|护栏|栏杆|天台)|反锁|锁在(家|车|屋)里|掉(进|下)|沉下去|(河|湖|水池|井)边.{0,4}(玩|一个人))|\b(?:child|kid|toddler|baby|boy|girl|son|daughter)\b.{0,30}\b(?:climb(?:ing|ed)? (?:out of|onto|on|up)|(?:sitting|standing|hanging) on|locked in|alone (?:by|near|at))\b.{0,20}\b(?:window|ledge|roof|balcony|railing|car|river|pool|lake|pond|room)\b/ },
  { name: 'carbon-monoxide', pattern: /一氧化碳|煤气中毒|(头晕|头疼|头痛|恶心).{0,12}(煤气|燃气|热水器|炭火|木炭)|(煤气|燃气|热水器|炭火|木炭).{0,12}(头晕|头疼|头痛|恶心|晕)|\bcarbon monoxide\b|\bco (?:alarm|detector)\b|\brotten eggs?\b.{0,20}\b(?:kitchen|flat|home|stairwell|hallway|corridor|boiler|meter|basement)\b|\b(?:petrol|gasoline) smell\b|\bsmell(?:s)? (?:of )?(?:petrol|gasoline)\b|\bhissing\b/ },
  { name: 'electrical-fault', pattern: /(电箱|电表箱|配电箱|配电柜|插座|插头|充电器|充电桩|电线|开关).{0,10}(打火|发烫|烫手|烫得|发黑|啪啪响|噼啪|闪光|火光|冒火)|电池.{0,4}(鼓(包|起来|了)|发烫|膨胀)|\b(?:is|are|keeps?|still|started|and) sparking\b|\bsparks (?:coming|flying)\b|\bscorching hot\b|\b(?:socket|plug|meter box|electrical box|fuse box|wires?|cables?|switch|panel|charger)\b.{0,30}\bcrackl(?:e|es|ing)\b|\b(?:battery|batteries)\b.{0,20}\b(?:swell|swollen|hot|smok)|\b(?:socket|plug|charger|meter box|electrical box|fuse box)\b.{0,30}\b(?:hot to (?:the )?touch|very hot|blackened|burnt|melting)\b/ },
  { name: 'lift-fall', pattern: /电梯.{0,8}(突然)?(往下掉|下坠|坠落|冲顶|溜梯|急坠)|(?:电梯|轿厢|(?<![滑楼扶])梯)[^。]{0,8}(?:突然|一下子|嗖)[^。]{0,6}(?:从\d+楼)?[^。]{0,4}(?:滑|掉|冲|溜)(?:到|下去)|(?:电梯|轿厢|(?<![滑楼扶])梯)[^。]{0,14}(?:滑|掉|溜)到[^。]{0,6}才停|电梯[^。]{0,10}(?:滑|溜|掉)到了?[^。]{0,3}(?:\d+|[一二三四五六七八九十]+)楼|电梯[^。]{0,6}往下(?:滑|溜)了?[^。]{0,4}(?:层|楼)|电梯[^。]{0,6}掉了[一二两三四五\d]+层|(轿厢不在|没有轿厢|空的井道|井道.{0,4}空)|\b(?:lift|elevator)\b(?! (?:lobby|lobbies|hall|area|landing|button|doors?|panel|lights?|mirror|ceiling|floor|carpet))\s?.{0,20}\b(?:dropped|fell|plunged|plummeted|shot up)\b|\b(?:no|without (?:a|the)) (?:lift )?car\b.{0,20}\b(?:shaft|behind)\b|\bempty (?:lift )?shaft\b|\bclimb(?:ing)? out\b/ },
  { name: 'violence', pattern: /家暴|打(老婆|女人|孩子|小孩|老人)|(哭喊|尖叫|喊救人|呼救)|推推搡搡|拿着(砍刀|菜刀|刀子|棍子|铁棍)|\bbeat(?:ing)? (?:someone|him|her|a)\b|\bbeating\b.{0,10}\bup\b|\bhitting (?:a|his|her) (?:woman|wife|child|kid)\b|\bscreaming\b|\bshov(?:e|ing)\b|\bdomestic (?:violence|abuse)\b|\bcalling for help\b|\bwith a (?:knife|machete|bat)\b/ },
  { name: 'dog-attack', pattern: /\b(?:dog|puppy|it)\b[^.]{0,30}\bbiting (?:a|the|my|our) (?:child|kid|boy|girl|man|woman|person|baby)\b(?!'s)|\b(?:dog|puppy)\b[^.]{0,10}\bbit (?:my|a|the|our) (?:son|daughter|child|kid|boy|girl|baby|husband|wife|mum|mom|dad|neighbou?r|man|woman|leg|arm|hand|face)\b[^.]{0,20}\b(?:won'?t let go|bleeding|blood)\b|^(?!.*(?:热情|训犬|训练|总是|老是|经常|每次))(?:.*?)狗.{0,8}(?:见人就扑|在扑人|扑人|追着.{0,4}(?:人|小孩|孩子)|攻击人)|狗[^。]{0,10}(?:扑倒|咬住|咬着|在咬|撕咬)|\bdogs?\b.{0,10}\b(?:attacking|chasing|biting(?: at)?|snapping at|lunging at|mauling|savaging) (?:a |an |the |my |our |some )?(?:\w+ )?(?:everyone|anyone|child|children|kid|kids|boy|girl|man|woman|lady|person|people|baby|me|us|him|her|them|son|daughter|jogger|runner|resident|neighbou?r|postman|courier|guard|cyclist)\b(?!'s)|\b(?:mauling|savaging)\b|\bhas (?:my|a|the|our) \w+'s (?:arm|leg|hand|face) in its (?:mouth|jaws)\b/ },
  { name: 'structure-down', pattern: /(树|电线杆|围墙|围挡|墙|广告牌).{0,6}(倒了|倒在|倒下|断了|塌了).{0,10}(电线|压|路上|人行道|有人)|压(着|在)电线|靠在电线上|(砸|压)到(了)?人|\btree\b.{0,20}\b(?:fell|fallen|down)\b.{0,20}\b(?:power ?lines?|cables?|car|road)\b|\b(?:against|on) the power ?lines?\b/ },
  { name: 'water-on-electrics', pattern: /(漏水|渗水|滴水|进水|淌水|往下滴|流水|水流|流到|淋|泡|淹|漏到|滴到|流进|渗进|渗到|水顺着|水从|水往|全是水|都是水|在滴|在漏|往外渗).{0,14}(灯|(?<!龙头|阀门|水阀)开关|插座|电箱|配电箱|电表箱|浴霸|电闸|插线板|排插).{0,14}(还亮|亮着|还开着|开着|在闪|一直闪|还在闪|一闪一闪|闪个不停|滋|噼|冒火|火花|发麻|手.{0,2}麻|电了一下|不敢(碰|摸|开|关))|(灯|(?<!龙头|阀门|水阀)开关|插座|电箱|配电箱|电表箱|浴霸|电闸|插线板|排插).{0,8}(漏水|渗水|滴水|进水|淌水|往下滴|流水|水流|流到|淋|泡|淹|漏到|滴到|流进|渗进|渗到|水顺着|水从|水往|全是水|都是水|在滴|在漏|往外渗).{0,14}(还亮|亮着|还开着|开着|在闪|一直闪|还在闪|一闪一闪|闪个不停|滋|噼|冒火|火花|发麻|手.{0,2}麻|电了一下|不敢(碰|摸|开|关))|\b(?:water\b[^.]{0,25}\b(?:pouring|dripping|leaking|coming|running|seeping|getting|got|gone|went)|leak(?:ing|s)? (?:in|into|onto|on|through)|pouring|dripping|seeping|flooding|soaked|wet)\b[^.;]{0,40}\b(?:fuse ?(?:board|box)|distribution board|consumer unit|breakers?|light fittings?|ceiling lights?|lights?|lamps?|switch(?:es)?|sockets?|outlets?|electrics|wiring|meter box)\b(?:[^.;]{0,60}|[^.;]{0,40}[.;]\s*(?:it|they|the (?:light|lights|socket|switch|fitting)|lights?|light's|socket|switch)\b[^.;]{0,40})\b(?:buzz\w*|flicker\w*|spark\w*|popp\w*|crackl\w*|tingl\w*|shock\w*|still on)\b/ },
  { name: 'unreachable-elder', pattern: /\b(?:isn'?t|is not|not) answering (?:the|her|his) door or (?:her|his) phone\b|(老人|老太太|老太|老爷子|老头|我爸|我妈|父亲|母亲|奶奶|爷爷|外婆|外公|姥姥|姥爷|独居|一个人住|一个人在家).{0,30}(联系不上|(?<!(?:物业|客服|前台|管家|你们|中心|值班室?|保安|门卫|师傅|热线|办公室)的?)电话.{0,4}(不接|打不通|没人接)|(?<!(?:物业|客服|前台|管家|你们|中心|值班室?|保安|门卫|师傅|热线|办公室)的?)不接电话|(敲门|屋里|家里|里面).{0,6}(没(有)?(动静|声音|人应|反应)|不开|没人开))|(报纸|牛奶|快递|外卖).{0,6}堆了.{0,6}天|\b(?:elderly|old|grandma|grandmother|grandad|grandfather|grandpa|nan|mum|mom|mother|dad|father|neighbou?r|lives alone|living alone)\b.{0,60}\b(?:(?:she|he)(?:'s| is) not (?:answering|picking up)|(?:she|he)(?:'s| is)?n'?t (?:answering|picking up)|(?:she|he) (?:won'?t|doesn'?t|hasn'?t|didn'?t) (?:answer|pick up|answered|picked up|open)|not answering (?:her|his) (?:phone|door)|(?:hasn'?t|has not|isn'?t|is not) (?:answered|answering|picked up|picking up|been seen|replied)|can'?t (?:reach|get hold of) (?:her|him)|hasn'?t been seen|no answer (?:at|from) (?:her|his|the) (?:door|flat|phone))/ },
  { name: 'intruder-now', pattern: /^(?!.*\b(?:gym|code|entry|system|app|fob|courier|delivery|parcel|caretaker|locksmith|turns out|all fine|broken|jammed|landlord|maintenance)\b)(?!.*\b(?:my|our|the|door|front door) keys?\b(?![^.]{0,20}\bin the (?:lock|door)\b)).*\b(?:someone|somebody|a man|a guy|a woman|he|they|a stranger)\b[^.]{0,20}(?:\b(?:trying|tried|rattling|rattled|jiggling) (?:the|my|our) (?:door )?(?:handle|front door|door handle|handle of|lock)\b|\btrying to (?:open|unlock) (?:my|our|the) (?:front )?door\b)|进过人|(窗|门).{0,6}被人.{0,4}(打开|弄开|撬)|\bjimm(?:y|ied)\b|\btrying to (?:get|break) in(?:to)?\b|\bhear (?:someone|somebody|movement|footsteps)\b.{0,20}\b(?:inside|upstairs|downstairs|in (?:the|my))\b/ },
  { name: 'child-alone', pattern: /(小孩|(?<!女|男)孩子|小朋友|宝宝|小女孩|小男孩).{0,12}(一个人|自己|独自).{0,4}(在(路边|门口|马路|路上|河边|湖边|水边|池边|外面|小区|大门|车库|停车场|路口)|哭|乱跑|乱走|游荡|走来走去|跑到)|(走失|迷路).{0,6}(小孩|孩子|小朋友)|\b(?:toddler|little (?:boy|girl|kid|one)|small child|young child|child|kid)\b.{0,30}\b(?:wandering|on (?:his|her|their) own|alone|by (?:him|her)self)\b/ },
  { name: 'scalding', pattern: /(开水|蒸汽|滚烫的水).{0,10}(喷|往外冒|呲)|\b(?:scalding|boiling) (?:water|steam)\b|\bsteam (?:is )?(?:pouring|shooting|blasting|spraying)\b/ },
  { name: 'stroke-signs', pattern: /说话.{0,3}(不利索|不清楚|含糊|大舌头|含混)|口齿不清|嘴(巴)?(歪|斜)|半边(身子|脸|手|胳膊).{0,4}(麻|动不了|没劲|没力气|抬不起)|站(都)?站不稳|(扶着|靠着).{0,4}(墙|栏杆).{0,6}站不住|\bslurr(?:ed|ing)\b|\bface (?:is )?droop|\b(?:can'?t|cannot) (?:lift|raise) (?:his|her|one) arm\b/ },
  { name: 'self-harm-words', pattern: /不想活|活不下去|了结自己|结束(自己的)?生命|\bend (?:it all|his life|her life|my life|their life)\b|\bgoing to end it\b|\bhurt (?:him|her|them)self\b|\bdoesn'?t want to live\b/ },
  { name: 'farewell', pattern: /告别的话|遗书|说对不起大家|(以后)?别找(我|她|他)了?|交代后事|(银行卡|车钥匙|存折).{0,10}(放|留)(在)?(桌上|家里|好了)|\btell (?:my|his|her) (?:mum|mom|mother|dad|family) (?:i'?m|he'?s|she'?s) sorry\b|\bgoodbye (?:note|message|text)\b|\bsuicide note\b/ },
  { name: 'weapon-object', pattern: /(拿(着|了)|抡|举|挥)(着|了)?(个|把|根)?(啤酒)?(酒)?瓶子?(互相)?砸|(拿(着|了)|抡|举|挥)(着|了)?(个|把|根)?(扳手|锤子|铁锹|棍子|板砖|砖头|铁棍|钢管|酒瓶)|互相拿.{0,6}砸|\b(?:swinging|waving) (?:a |an )?(?:bottle|wrench|hammer|bat|iron bar|brick)s?\b/ },
  { name: 'petrol', pattern: /^(?=.*\b(?:all over|everywhere|pour\w*|gush\w*|puddles?|pool of|stream\w*|river|ramp|drains?|gallons?|litres?|liters?|loads|lots|cigarettes?|smok\w*|lighters?|lighting|sparks?|flames?|fire|matches|bbq|grill\w*|fumes|smell\w*|strong|now|help|urgent)\b)(?!.*\b(?:a (?:little|bit)|slightly|last (?:week|month|night)|yesterday|mechanic|been fixed|mot)\b).*(?:\b(?:leaking|spilling|pouring out|gushing) (?:fuel|petrol|diesel)\b|\b(?:fuel|petrol|diesel) (?:is )?(?:leaking|spilling|pouring|gushing)\b)|泼汽油|倒汽油|浇汽油|\b(?:pouring|splashing|spilling|poured|splashed) (?:petrol|gasoline|fuel)\b/ },
  { name: 'choking', pattern: /噎住|卡住了?.{0,12}(说不出话|喘不上|脸(都)?(发紫|紫了|青了)|指喉咙)|卡在喉咙|\bchoking\b|\bcan'?t (?:breathe|cough)\b.{0,20}\b(?:stuck|swallow)/ },
  { name: 'poisoning', pattern: /把[^。]{0,4}(?:消毒液|农药|百草枯|敌敌畏|洗洁精|漂白水|老鼠药|清洁剂|通渠剂)[^。]{0,3}(?:喝|吃|吞)了|(?:喝|吃|吞)了[^。]{0,3}(?:好像|可能|应该)是?[^。]{0,6}(?:消毒液|农药|百草枯|敌敌畏|洗洁精|漂白|84(?!号|栋|楼|\d)|老鼠药|清洁剂|通渠剂)|(喝|吃|吞)了[^，。,]{0,12}(消毒液|农药|百草枯|敌敌畏|甲醇|洗洁精|漂白|84(?!号|栋|楼|\d)|老鼠药|药水|洗衣液|清洁剂|通渠剂|管道疏通剂|电池)|误服|\bswallowed (?:a |some )?(?:bleach|battery|button battery|pills|detergent|poison|cleaner)\b|\bdrank (?:some )?(?:bleach|detergent|cleaner)\b/ },
  { name: 'in-water', pattern: /有人落水|落水了|扑通一声.{0,12}没(了)?(声|动静)|\bsomeone (?:fell|has fallen|is) in(?:to)? the (?:pool|pond|lake|river|water)\b/ },
  { name: 'vehicle-at-people', pattern: /往人(堆|群)里开|冲向人群|\bdriving (?:at|into|towards) (?:people|the crowd|kids)\b/ },
  { name: 'stove-on', pattern: /火关不掉|关不了火|关不上火|\b(?:hob|stove|burner|gas)\b.{0,20}\bwon'?t (?:turn|switch) off\b/ },
  { name: 'stranded-in-lift', pattern: /(?:电梯|货梯|轿厢)[^。]{0,6}停(?:在)?半(?:截|中间|空)[^。]{0,12}(?:在里面|里面有|人在)|^(?=.*(?:电梯|轿厢|(?<![楼扶滑])梯(?!子)))(?:.*?)(?:卡在[^。]{0,12}(?:中间|之间)[^。]{0,10}(?:里面有人|有人在喊|有人|有个?(?:老人|孩子|小孩|人)|困住|困着)|里面有人在(?:喊|叫|拍门)|停在半(?:截|空)[^。]{0,12}(?:里面|有人|孩子|老人|哭|喊))|电梯.{0,12}里面有.{0,3}(人|老人|孩子|小孩|个人)|\b(?:boy|girl|son|daughter|child|kid)'?s? (?:is )?on (?:his|her) own in the (?:lift|elevator)\b/ },
  { name: 'child-climbing', pattern: /(小孩|孩子|小朋友).{0,10}爬(到|上|出)(了)?.{0,6}(空调外机|外机|窗外|阳台外|护栏外)/ },
  { name: 'manhole-open', pattern: /井盖.{0,6}(没盖|没了|掀开|打开|不见了).{0,14}(小孩|孩子|人|路)/ },
  { name: 'co-symptoms-en', pattern: /\b(?:dizzy|vomiting|headaches?|nause\w*)\b.{0,40}\b(?:boiler|heater|gas|stove|generator)\b|\b(?:boiler|heater|generator)\b.{0,40}\b(?:dizzy|vomiting|headaches?|nause\w*)\b/ },
  { name: 'rotten-eggs-place', pattern: /\brotten[- ]eggs?\b.{0,30}\b(?:landing|hallway|corridor|stairwell|lobby)\b|\beggy smell\b|\bstinks? of (?:rotten )?eggs\b|\b(?:landing|hallway|corridor|stairwell|lobby)\b.{0,25}\brotten eggs?\b/ },
  { name: 'suspicious-bag', pattern: /\b(?:suspicious|unattended|abandoned) (?:bag|package|parcel|box|suitcase)\b/ },
  { name: 'flood-electrics-en', pattern: /\b(?:transformer|substation|switch ?room|electrical room|breaker panel)\b.{0,30}\b(?:water|flood\w*|rising)\b|\b(?:water|flood\w*)\b.{0,30}\b(?:transformer|substation)\b/ },
  { name: 'bathroom-unresponsive', pattern: /^(?!.*(?:玩手机|打游戏|急着|追剧|刷视频)).*?(?:(?:他|她|爸|妈|老公|老婆|爱人|孩子|儿子|女儿|爷爷|奶奶|老人|室友|家人)[^,，。]{0,8}洗澡[^。]{0,30}(?:就)?(?:没声了|没动静了|没声音了|不出声了)|(?:(?:人|他|她|老公|老婆|爱人|我妈|我爸|妈妈|爸爸|孩子|儿子|女儿|爷爷|奶奶|老人|室友|家人|姥姥|外婆)[^，。]{0,4}(?:在|进)(?:了)?(?:卫生间|浴室|厕所|洗手间)|洗澡)[^。]{0,12}(?:半天|好久|很久|一个多?小时|两个多?小时|\d+分钟|半小时|四十分钟|[二三四五]十分钟|一小时)[^。]{0,20}(?:叫|喊|敲门|敲)[^。]{0,6}(?:不应|没(?:有)?(?:反应|动静|声音|人应|应)|不答应|不开|不理)|\b(?:he|she|my \w+|flatmate|roommate|husband|wife|son|daughter|mum|mom|dad|grandma|grandpa|partner)\b[^.]{0,40}\bin the (?:shower|bath|bathroom)\b(?![^.]{0,60}\b(?:emails?|calls?|maintenance|landlord|fan|switch)\b)[^.]{0,60}\b(?:isn'?t|is not|not|won'?t|doesn'?t) (?:answering|responding|answer|respond)\b)/ },
  { name: 'life-support', pattern: /(?:呼吸机|制氧机|氧气机|吸氧|透析机)[^。]{0,20}(?:停电了|没电了|断电了|报警|停了|不转了)|(?:停电了|没电了|断电了)[^。]{0,20}(?:呼吸机|制氧机|氧气机|透析机)|^(?!.*\b(?:bathroom|kitchen|extractor|hood|fan)\b).*\b(?:oxygen (?:machine|concentrator)|ventilator|breathing machine|dialysis machine)\b.{0,40}\b(?:power cut|stopped|no power|alarm\w*|died|off)\b|\bstruggling to breathe\b|\bcan'?t catch (?:her|his|my) breath\b/ },
  { name: 'crushed', pattern: /(?:压住|压着|夹住|卡住|压在)(?:了)?[^,，。没]{0,4}(?:人(?!行道|家)|腿|手|脚|头(?!发)|孩子|小孩|老人)|\bpinned (?:under|beneath|by)\b|\b(?:is|are) (?:being )?crushed\b/ },
  { name: 'falling-now', pattern: /(?:水泥|混凝土|石膏板?|瓷砖|砖块?|石块|天花板|吊顶|外墙|玻璃)[^，。]{0,8}(?:一块一块|一直|不停|还在|接连)[^，。]{0,3}往下掉|\b(?:bits|pieces|chunks|glass|tiles?|concrete|plaster)\b.{0,20}\b(?:dropping|falling|coming down)\b.{0,30}\b(?:onto|on) (?:the )?(?:path|pavement|footpath|walkway|entrance|people|pedestrians|street|road|playground)\b|^(?!.*\b(?:last (?:week|night|month)|yesterday|over the weekend|sweep|clean(?:ers?|ed|ing)?|still there|replaced?|bottles?|wine ?glass|jars?|cups?|mugs?)\b).*\b(?:glass|window|pane|panel|balcony)\b.{0,40}\b(?:shattered|smashed|fell|exploded|burst|blew out|rained down|showered)\b.{0,30}\b(?:onto|on|over|down on|the) (?:the )?(?:walkway|path|pavement|footpath|entrance|street|playground)\b/ },
  { name: 'garage-flooding', pattern: /水[^。]{0,8}漫过(?:车轮|轮胎|膝盖|腰|门槛|台阶)|越涨越(?:快|高)|^(?!(?=.*(?:上次|上回|去年|前年|以前|之前|那次|那回|昨天|昨晚|前天|前几天|上周|上个?月|感谢|谢谢|辛苦|被淹后|淹过|每次|每年|一下雨就|一下大雨就|经常|总是|老是|一般|平时|预案|会不会|容易|防汛|提前|的事|的问题|水管|往下滴|在滴|渗水|储藏室))(?!.*(?:(?<!到)现在|正在|又|快来|赶紧|还在涨|救命)))(?:.*(?:车库|地下室|地库|电梯井)[^，。]{0,6}(?:在进水|正在进水|进水(?:了|啦|呢)?(?![的问])|灌水|在灌|被淹|淹了|漫水|水越来越|水(?:位)?(?:一直|还在)(?:在)?(?:涨|往里|灌|漫)|快淹|要淹)|.*(?:雨水|水)[^，。]{0,4}往[^，。]{0,2}(?:车库|地下室|地库)[^，。]{0,2}灌|.*(?:车库|地下室|地库)[^，。]{0,10}(?:没过|淹到|到了?)(?:脚踝|膝盖|小腿|轮胎|腰))/ },
  { name: 'at-the-window', pattern: /^(?!(?=.*(?:擦玻璃|清洗|施工|装修|安装|装空调|外机|刷外墙|外墙|吊绳|吊着绳|吊篮|蜘蛛人|修剪|剪树|唱歌|跳舞|烧烤|晾|物业安排|师傅|工人))(?!.*(?:快来|没安排|不认识|报警|害怕|吓人))).*(?:(?:窗户?外面?|窗外|阳台(?:上|外))[^，。]{0,4}(?:有人|有个人|有个男的|有个女的|站着(?:个)?人)|(?:站在|趴在|蹲在|贴在|扒着|趴着|扒在)[^，。]{0,6}窗(?:户|口|边|台)?(?:外|边|上)?[^，。]{0,8}(?:往里|看|不走|快来)|扒着[^，。]{0,4}窗|窗(?:户|口|边)[^，。]{0,4}有个?人影)|\b(?:someone|somebody|a man|a guy|a woman|a stranger|man|guy)\b[^.]{0,30}\b(?:outside|at|through) (?:my|our) (?:\w+ )?window\b[^.]{0,20}\b(?:looking|peering|staring|watching)\b|\b(?:peering|peeking|staring|looking) (?:in )?(?:through|into) (?:my|our) (?:\w+ )?windows?\b|\boutside (?:my|our) (?:\w+ )?window\b[^.]{0,15}\blooking in\b/ },
  { name: 'casing-cars', pattern: /(?:用|拿|打)(?:着)?手电(?:筒)?[^，。]{0,8}照[^，。]{0,4}(?:车|车窗|车里|车内)|^(?!.*(?:保安|物业|登记|工作人员|交警|中介|自己的?车)).*(?:挨个|一辆一辆|一辆辆|一个一个)[^，。]{0,6}(?:拉车门|拍车牌|看车(?!位)|照|拍)|(?:有人|有个人|陌生人|男的|女的)[^，。]{0,12}拍[^，。]{0,4}门?密码|(?:拉|试|拽|掰)[^，。]{0,3}(?:别人的?)?车门|(?:趴|贴)(?:在)?[^，。]{0,4}车窗[^，。]{0,6}(?:往|看)|\b(?:trying|checking|pulling(?: on)?|testing|yanking)\b[^.]{0,15}\b(?:car doors?|door handles|handles (?:on|of) (?:all )?(?:the )?cars)\b|\bshining a torch (?:into|through)\b|\bcar\b\s*被.{0,4}(?:划|砸|扎)/ },
  { name: 'night-prowler', pattern: /^(?!.*(?:楼上|吵|睡不着|咚咚|噪音|拖椅子|扰民|保安|巡逻|没事了|原来是|外卖|快递|天天|每天)).*(?:凌晨|半夜|深夜|三更半夜)[^。]{0,10}有(?:个)?(?:人|男的|女的|陌生人)[^，。]{0,10}(?:走来走去|来回走|转来转去|晃来晃去|一直在转|徘徊|转悠|敲门)|\b(?:man|guy|someone|somebody|stranger|person)\b[^.]{0,30}\b(?:pacing|prowling|lurking|hanging around|walking up and down|creeping)\b/ },
  { name: 'smoking-by-fuel', pattern: /^(?!.*(?:经常|总是|老是|总有人|天天|每天|能不能|保洁|打扫|回收))(?:.*?)烟头扔(?:进|到)[^。]{0,6}(?:纸箱|杂物|垃圾堆|纸壳)|^(?!.*(?:经常|总是|老是|总有人|天天|每天|能不能|可不可以|贴个|标识|打扫|保洁)).*(?:抽烟[^。]{0,12}(?:纸箱|纸壳)|(?:抽烟|烟头)[^。]{0,12}(?:充电桩|充电的地方|充电区|充电棚|电瓶车|电动车|加油|油桶|汽油|燃气表|燃气管|燃气罐|煤气罐|液化气)|(?:充电桩|油桶|汽油|燃气表|燃气罐|煤气罐|液化气罐)[^。]{0,12}(?:抽烟|烟头))|\bsmok(?:ing|es)\b[^.]{0,30}\b(?:(?:ev |car )?chargers?|charging (?:point|bay|station)s?|fuel|petrol|gas (?:meter|cylinder|bottle)s?)\b/ },
  { name: 'row-turning-violent', pattern: /^(?!.*(?:前天|前几天|昨天|昨晚|上周|上星期|上礼拜|上次|上个月|那次|那天|之前|以前|天天|每天|每晚|经常|总是|老是|一吵架就|每次)).*吵[^。]{0,20}(?:砸碎|摔东西|砸东西|打起来|(?<![没不])动手|小孩哭|孩子哭|尖叫|被打|挨打|打人|惨叫|扇)|(?:听到|听见)[^，。]{0,6}(?:打人|被打|挨打|巴掌|惨叫)|\b(?:arguing|rowing|shouting)\b[^.]{0,40}\b(?:hitting|hit (?:her|him)|slapp\w*|thud\w*)\b/ },
  { name: 'forcing-entry', pattern: /^(?!.*(?:物业的人|师傅|维修|检查|抄表|狗|猫|鸽子|鸟|老鼠|蟑螂|蚊子)).*(?:有人|有个人|有个男的|有个女的|陌生人|男的|女的|推销|醉汉|几个人|那人|他|她)[^。]{0,12}(?:硬要进|非要进|闯进|强行进|往里闯|赶不走|挤进|想进来)|(?:推|撞|踹)[^，。]{0,4}(?:我家)?门[^，。]{0,6}(?:想进|要进)|\b(?:trying|tried) to (?:force|push|shoulder|kick) (?:my|the|our) (?:\w+ )?door\b|\bforc(?:e|ing) (?:my|the|our) (?:\w+ )?door\b|\bpushed (?:past|in behind)\b/ },
  { name: 'lift-shaft-open', pattern: /电梯(?:门)?(?:打开|开着|开了)[^。]{0,12}(?:不在这层|没(?:有)?(?:轿厢|到这层|在这层)|下面是空的|黑洞洞|能看(?:见|到)(?:钢丝绳|井道)|前面(?:什么都没有|是空的))|电梯不在这层[^。]{0,10}(?:门开|空)|电梯[^。]{0,6}没(?:到|在)这层[^。]{0,6}门[^。]{0,2}开|\b(?:lift|elevator) doors? (?:opened|open|are open|is open)\b[^.]{0,40}\b(?:no (?:lift|elevator|car)|nothing there|empty shaft|a drop|just the shaft)\b/ },
  { name: 'structure-failing', pattern: /裂缝[^。]{0,4}(?:越来越大|越来越宽|在变长|在变大|越裂越大|还在裂)[^。]{0,12}(?:掉渣|掉块|掉灰|往下掉|在响|咯吱|嘎吱|塌|下沉|不敢)|(?:楼板|天花板)[^。]{0,4}(?:咯吱|嘎吱|在)响[^。]{0,12}(?:裂|塌|下沉|变形)(?!了的)|^(?!.*(?:打桩|施工|地铁|火车|台风|大风|刮风|风大|地震|跳绳|跳舞|蹦|晾衣|衣架|吊灯|吊扇|螺丝|一点|有点|空鼓|花坛|正常吗))(?:.*?)(?:阳台|楼板|地面|房子|楼)[^。]{0,6}(?:在往下沉|在下沉|往下沉|在晃|晃动|在摇|摇晃)|(?:墙|墙体|墙面|天花板|楼板|地面|柱子|梁|承重墙)(?:上|面)?突然裂开[^。]{0,8}(?:缝|道|口子)|裂缝[^。]{0,10}(?:长了一倍|一晚上|一夜之间|越来越长|在变)[^。]{0,16}(?:掉|响|咔|塌|不敢)|承重(?:墙|柱)[^。]{0,6}(?:打|砸|拆)[^。]{0,20}(?:裂|响|掉)|承重(?:墙|柱)[^。]{0,4}裂[^。]{0,10}(?:钢筋|露|响|越来越)|(?:墙体|墙|楼)[^。]{0,4}开裂[^。]{0,12}(?:变形|关不上|越来越|在响|掉)|\b(?:ceiling|beam|balcony|floor)\b(?! awning)[^.]{0,40}\b(?:bowing|sagging|buckling)\b|\bbuilding\b[^.]{0,10}\b(?:shaking|swaying)\b(?![^.]{0,40}\b(?:train|wind|piling|works|construction|normal)\b)/ },
  { name: 'indecent-exposure', pattern: /露(?:出)?下体|露阴|暴露狂|(?:露出|掏出)[^。]{0,4}(?:生殖器|下身)|(?:男的|男人|男子|变态|有人|一个人|那人|老头|大爷|大叔|陌生人)[^。]{0,14}(?:对着|冲着|给)[^。]{0,10}脱(?:了)?裤子|脱(?:了)?裤子[^。]{0,6}(?:对着|冲着)(?!镜子)|\bexpos(?:ing|ed) himself\b|\b(?:man|guy|bloke|someone|somebody|he|stranger|pervert)\b[^.]{0,25}\bflash(?:ed|ing)\b(?! (?:its|his|the|their|a) (?:lights?|headlights?|torch|badge|card))[^.]{0,20}\b(?:kids|children|people|women|girls|boys|us|me|her)\b|\b(?:trousers|pants) down\b[^.]{0,30}\b(?:kids|children|women|girls|in front of)\b|\bmasturbat\w*/ },
  { name: 'stings', pattern: /被(?:马蜂|蜜蜂|黄蜂|胡蜂|蜂子|蜂)[^。]{0,2}(?:蛰|蜇|叮)|(?:马蜂|蜜蜂|黄蜂|胡蜂|蜂子|蜂群)[^。]{0,8}(?:追着(?!花)|追人|(?<!会不会|会)(?:蛰|蜇)人|(?:蛰|蜇)了|叮了|(?<!会不会|会)叮人|在(?:蛰|蜇))|(?:蛰|蜇)(?:了|得)[^。]{0,10}(?:肿|喘|呼吸|头晕|过敏)|\b(?:wasps|bees|hornets|swarm)\b[^.]{0,20}\b(?:attacking|stinging|chasing) (?:people|kids|children|me|us|him|her|them|my|a|the (?:kids|children|people)|everyone|anyone)\b|\bstung\b(?![^.]{0,30}\blast (?:week|month|year)\b)[^.]{0,30}\b(?:wheez\w*|breath\w*|swell\w*|throat|allergic|anaphyla\w*)\b|\ballergic\b[^.]{0,30}\bstung\b/ },
  { name: 'falling-on-people', pattern: /^(?=.*\b(?:tiles?|bricks?|glass|facade|cladding|concrete)\b)(?!.*\b(?:next week|renovat\w*|scaffold\w*)\b).*\bthey'?re (?:still )?(?:coming down|falling)\b|^(?!.*(?:装修|清理|打扫|树叶|叶子|落叶|花瓣|花絮|杨絮|柳絮|鸟屎|空调水|水滴|雨水|衣服|被子|床单|毛巾|晾|灰尘|烟头|果子|果实))(?:.*?)(?:往下掉|掉下来|在掉|掉到|掉在|往下落|落下来)[^。]{0,15}(?:旁边就是人|下面(?:就)?(?:有|是)人|人来人往|有人(?:走|在|经过|路过)|下面是(?:入口|门口|人行道|路)|(?:楼下|底下|下面)(?:就)?是(?:幼儿园|学校|入口|门口|人行道|路|主干道|小区|广场|菜市场|停车场)|(?:楼下|底下|下面)(?:就)?有(?:人|小孩|孩子|老人|车))|^(?!.*\b(?:renovat\w*|paint|price|next week|leaves|twigs?|petals?|blossom|feathers|droppings|recycling|bottles|rubbish|litter|water)\b).*\b(?:chunks|pieces|bits|bricks|tiles?|glass|concrete|masonry|panels?|slabs?|cladding|render|plaster|stones?)\b[^.]{0,30}\b(?:falling|coming down|dropping|raining down|showering)\b[^.]{0,45}\b(?:from (?:the )?(?:roof|facade|balcony|building|top)|on (?:the |a |some )?(?:people|someone|somebody|us|me|kids|children|pedestrians|passers-?by|residents|cars|path|pavement|footpath|walkway|entrance|street|road|playground|pram|buggy|heads?)\b|onto(?! (?:the |my |our )?(?:floor|desk|bed|carpet|sofa|table|worktop|tray|bath|sink|shelf|windowsill)\b)|near|next to|people|pram|kids|path|entrance|underneath|below)\b/ },
  { name: 'fake-official', pattern: /^(?!.*(?:(?<![没无])(?:有|出示了?|看了|给我看了?|戴着|挂着|带着)[^。,，]{0,3}(?:证件|工牌|工作证|胸牌)(?!号)|(?<![没未不])通知过了?(?!吗)|群里(?:发|通知)|(?:我想|我要|帮我|给我)[^。,，]{0,6}(?:登记|办理?|绑定|开通)|怎么(?:登记|办理?|绑定)|在哪(?:里|儿)?(?:登记|办)))(?:.*?)(?:说是|自称|称是|说(?:他|她|自己)是|冒充|假装是?|假扮)[^。]{0,12}(?:查水表|抄表|物业|社区|燃气|煤气|电力|供电|检查|派出所|警察|居委会|街道|银行)[^。]{0,30}(?:没(?:穿工服|有?证件|通知|工牌)|不认识|没见过|银行卡|身份证|收钱|收现金|交钱|转账|(?:非|硬)要进)|(?:说是|自称|称是|说(?:他|她|自己)是|冒充|假装是?|假扮)[^。]{0,40}(?:密码|验证码)|\b(?:claiming|pretending|posing as|says? (?:he'?s|she'?s|they'?re|he is|she is|they are)|saying (?:he'?s|she'?s|they'?re|he is|she is|they are)|said (?:he|she|they) (?:was|were)) (?:to be )?(?:from |an? )?(?:the )?(?:property|management|council|gas|water|electric\w*|police|building|bank)\b(?![^.]{0,60}\b(?:showed|had|has|with) (?:an? |his |her |their )?(?:id|badge|card)\b)[^.]{0,60}\b(?:cash|money|bank|pin|password|no (?:id|badge|uniform)|door to door)\b/ },
  { name: 'tampering', pattern: /(?:有人|被人|那人|那个人|男的|女的|小偷|贼|几个人|陌生人|一个人|两个人)[^。]{0,10}(?:监控|摄像头|摄像机)[^。]{0,6}(?:贴住|遮住|挡住|罩住|蒙住|盖住|剪断|剪了|砸|拆|掰|喷)|(?:监控|摄像头|摄像机)[^。]{0,8}被(?:人|[^。]{0,3}(?:男的|女的|小偷|贼|陌生人))[^。]{0,6}(?:贴住|遮住|挡住|罩住|蒙住|盖住|剪断|剪了|砸|拆|喷)|(?:有人|被人|那人|男的|女的|小偷|陌生人|几个人)[^。]{0,8}(?:贴住|遮住|挡住|罩住|蒙住|剪断|喷)[^。]{0,4}(?:摄像头|监控)|别人的?车[^。]{0,4}(?:换|拆|偷|卸)(?:了)?车牌|(?:有人|被人|那人|男的|女的|小偷|陌生人|几个人)[^。]{0,10}(?:偷|拆|卸|换)[^。]{0,6}车牌|车牌[^。]{0,3}被(?:人)?(?:偷|拆|卸)|偷[^。]{0,3}车牌|(?:弹弓|气枪|钢珠枪|汽枪|bb枪)[^。]{0,12}(?:打|射)[^。]{0,8}(?:窗|玻璃|人|车|孩子|小孩|老人|我|猫|狗)|(?:用|拿)(?:着)?(?:弹弓|气枪|钢珠枪|汽枪|bb枪)|\b(?:slingshot|catapult|bb gun|air ?gun|air rifle|airsoft gun|pellet gun)s?\b(?![^.]{0,40}\b(?:allowed|rules?|legal|club|range|toy|birthday|bought|buy)\b)|(?:扔|撒|放|丢|投|埋)[^。]{0,10}(?:香肠|肉|火腿肠|食物|包子|馒头|骨头)[^。]{0,10}(?:针|钉子|毒)|(?:香肠|肉|火腿肠|包子|馒头|骨头)[^。]{0,10}(?:针|钉子|毒)[^。]{0,15}(?:草坪|草地|路边|花坛|绿化带|地上|狗|猫)|毒狗|毒鼠药[^。]{0,6}(?:拌|肉|香肠)|投毒|\bwith (?:pins|nails|needles|poison) in\b|\bpoisoned (?:bait|meat|food)\b|\b(?:covered|taped over|smashed|cut) (?:the |our )?(?:cctv|camera)\b|\b(?:someone|somebody|a man|a guy|a woman|they|he|she|kids|teenagers|people|two (?:men|guys))\b[^.]{0,20}\b(?:covered|taped over|smashed|cut|sprayed|spray-?painted|blocked|turned)\b[^.]{0,30}\b(?:cctv|cameras?)\b/ },
  { name: 'water-on-switchgear', pattern: /(?:水|雨)[^。表费电单工通]{0,6}(?:喷|淋|浇|灌|流|渗|滴|漏|冲)(?:到|进|在)[^。]{0,6}(?:配电柜|配电箱|电箱|电表箱|配电房|配电间|电闸|电控箱|控制柜)|(?:喷|淋|浇|灌|流|渗|滴|漏|冲)(?:到|进)[^。]{0,6}(?:配电柜|配电箱|电箱|电表箱|配电房|配电间|电闸|电控箱|控制柜)|(?:水|雨水)[^。表费电单工通]{0,3}往[^。]{0,8}(?:配电柜|配电箱|电箱|电表箱|配电房|配电间|电控箱)[^。]{0,2}(?:灌|流|淌|渗|喷)|(?:配电柜|配电箱|电箱|电表箱|配电房|配电间|电控箱)(?:上|里)[^。]{0,4}(?:进水|灌水|全是水|都是水|在滴水|在漏水|在流水|往外流水)|\b(?:water|leak\w*|burst pipe)\b[^.]{0,40}\b(?:into|onto|over|on|through) (?:the |a |our )?(?:main )?(?:(?:electrical|electric|electricity|meter|riser) (?:cupboard|cabinet|box|panel|room)|switchboard|switchgear|distribution board|fuse ?board|consumer unit)\b/ },
  { name: 'sinkhole', pattern: /^(?!.*(?:小坑|一点点|一小块|上次|上周|去年|以前|修好|补好|已经填|什么时候修|能补|补一下|填一下))(?:.*?)(?:(?:路面|地面|马路|路上|路中间|人行道|小区门口|地下)[^。]{0,6}(?:塌了|塌陷|陷下去|陷了|塌出|塌开)[^。]{0,12}(?:很深|好深|大坑|大洞|深坑|掉进|掉下去|陷进|有人|车掉|车陷|一米|两米|几米|半米|米深|看不到底|还在塌|越来越大)|突然[^。]{0,4}(?:塌|陷)[^。]{0,8}(?:大坑|大洞|深坑))|\bsinkhole\b(?![^.]{0,40}\b(?:fixed|repair\w*|schedule|filled)\b)(?!.*\blast (?:week|month|year)\b)/ },
  { name: 'fire-engine-blocked', pattern: /^(?!.*(?:演习|演练|上次|那天|那次|以前|检查|是什么原因|会不会|万一|如果|要是))(?:.*?)消防车[^。]{0,8}(?:来了|到了|已经到|在门口|现在|被)[^。]{0,14}(?:进不去|进不来|进不了|开不进|过不去|过不来|过不了|堵|挡)|^(?!.*\b(?:drill|exercise|practice|last (?:time|week|month)|inspection|test)\b).*\bfire (?:engine|truck|brigade|crew)s?\b[^.]{0,20}\b(?:here|arrived|outside|at the gate)\b[^.]{0,40}\b(?:can'?t get (?:in|through|to)|blocked|blocking)\b/ },
  { name: 'assault', pattern: /^(?!.*(?:玩|游戏|打闹|摔跤|同学|小朋友|麻将|扑克|打牌|的视频|电视|电影|被风|门扇|没事|不要紧|哈哈))(?:.*?)(?:(?:保安|老人|老太|老头|大爷|阿姨|孩子|小孩|我|我妈|我爸|邻居|他|她|人|师傅|保洁|快递员|外卖员|女的|男的)[^。]{0,3}被[^。]{0,10}(?:推倒|打倒|撞倒|踹倒|打伤|打了一顿|扇了|掐住|踢|打得)|把(?:保安|老人|老太太?|老头|大爷|阿姨|孩子|小孩|我|我妈|我爸|邻居|他|她|人|师傅|保洁|[^。]{0,6}(?:阿姨|大爷|女的|男的|老人|孩子))[^。]{0,4}(?:推倒|打倒|撞倒|踹倒|推到地上|摔在地上|打伤|掐住|按在地上)|掐(?:着|住)[^。]{0,6}脖子|扇了[^。]{0,8}(?:巴掌|耳光)|拽着[^。]{0,4}头发)|\b(?:pushed|knocked|shoved|punched|kicked|hit|threw) (?:him|her|them|me|my \w+|the \w+|an? (?:old|elderly|little|young) \w+|an? \w+) (?:over|down|to the ground|to the floor)\b|\b(?:punched|kicked|attacked|beat up|strangling) (?:the|a|my|our|an?) (?:security guard|guard|concierge|cleaner|old|elderly|man|woman|lady|neighbou?r|resident|boy|girl|kid|child|courier)\b/ },
  { name: 'en-emergency', pattern: /\b(?:having|is in|gone into|going into|went into|had just|just had) (?:an? |a bad |a severe |a serious )?(?:allergic reaction|anaphyla\w*)|\banaphyla\w*(?![^.]{0,40}\b(?:plan|policy|policies|training|course|kit|last (?:week|month|year)|years? ago|when (?:he|she|i) was)\b)|\ballergic reaction\b(?=[^.]{0,60}\b(?:now|swell\w*|swollen|breath\w*|wheez\w*|ambulance|epi-?pens?|help|hurry|urgent\w*|hives)\b)(?![^.]{0,60}\blast (?:week|month|year)\b)|\b(?:is|'s|are|'re) having (?:a|an) (?:bad |severe |serious )?reaction\b|\bthroat (?:feels |is |'s )?(?:tight|closing)\b|\b(?:face|lips?|throat|tongue|eyes?)\b[^.]{0,20}\b(?:swelling|swelled up|swollen (?:up|shut)|puffing up|puffed up|gone puffy|swell(?:s|ing)? (?:up )?(?:fast|quickly|badly))\b(?![^.]{0,30}\b(?:last (?:week|month|year)|yesterday|humidity|every (?:spring|summer|year|morning|day))\b)|\bepi-?pens?\b(?=[^.]{0,40}(?:\b(?:now|asap|quick\w*|urgent\w*|hurry|help|emergency)\b|[!?]{2}))|\b(?:need|needs|needed|get|grab|bring|used|using|gave|giving) (?:an? |the |my |his |her |their )?epi-?pen\b(?! (?:prescription|refill|storage|holder|case))|(?<!\b(?:was|were|got|been) )\b(?:stopped|stuck|stranded|halted|broken down) between floors\b(?![^.]{0,40}\b(?:then (?:carried on|moved|started|went|continued)|carried on|moved (?:on|again)|restarted|for a (?:second|moment|few seconds)|yesterday|last \w+|sometimes|keeps|always|every)\b)(?<!\b(?:sometimes|always|keeps?|often|yesterday|last (?:week|night|month))\b[^.]{0,30}between floors)|\b(?:stuck|stopped|jammed|stranded) between (?:the )?\d+(?:st|nd|rd|th)?(?: floor)? and (?:the )?\d+(?:st|nd|rd|th)?(?: floors?)?\b(?![^.]{0,40}\b(?:yesterday|last \w+|sometimes|always|every|carried on)\b)|\bbetween (?:floors|(?:the )?\d+(?:st|nd|rd|th)?(?: floor)? and (?:the )?\d+(?:st|nd|rd|th)?(?: floors?)?)\b.{0,60}\b(?:in here|inside|(?:my \w+|someone|somebody|people|\w+ of us|we|he|she|they|kids|children)(?:'s| is| are|'re)? (?:still )?in (?:it|there)|with (?:me|us|my \w+|an? \w+|someone|somebody)|won'?t open|wont open|can'?t get out|getting (?:very |really |so )?hot|alarm (?:button )?(?:does nothing|not working|doesn'?t work))\b|\b(?:fell|fallen|came down|landed|dropped|collapsed) (?:on|onto) (?:one of )?(?:a |an |the |our |some )?(?:cleaners?|workers?|guards?|residents?|kids?|children|child|people|someone|somebody|him|her|them|man|woman|lady|boy|girl|baby|pensioner|old (?:man|lady|woman)|elderly \w+|delivery (?:guy|man|driver|rider)|courier|postman|pedestrian|passer-?by)\b(?!(?:'s|s'|')\s+(?!(?:head|face|back|neck|legs?|arms?|shoulders?|foot|feet|hands?|body|chest)\b)\w|\s+(?:car|cars|van|vans|bike|bikes|roof|bonnet|windscreen|balcony|bay|bays|parking|mailbox|mailboxes|window|windows|garden|terrace|desk|stuff|things|belongings|washing|laundry|furniture|parcel|property|vehicle|vehicles|shed|fence|garage|house|flat)\b)|\b(?:beam|joist|lintel|girder|column|pillar)s?\b(?! (?:paint|plaster|tiles?|render|cladding|coating|finish|boards?|skim|paper|light|lights|cover))[^.]{0,30}\b(?:is|are|'s) (?:\w+ )?cracking\b|\bloud crack\w* (?:from|in|of) (?:the )?(?:beam|joist|lintel|column|pillar|ceiling|roof|balcony)\b|\b(?:beam|joist|lintel|girder|column|pillar)s?\b[^.]{0,30}\b(?:split|snapped|cracked)\b[^.]{0,20}\b(?:dropping|sagging|coming down|giving way|moving|bending)\b|\b(?:balcony|canopy|facade|railings?|ceiling)\b[^.]{0,20}\b(?:pulling|coming|came|come) away from the (?:wall|building|ceiling)\b|\b(?:ceiling|roof|balcony)\b(?! (?:paint|plaster|tiles?|felt|render|grout|sealant|coating|finish|boards?|skim|paper|light|lights|fan))[^.]{0,20}\b(?:is|are) cracking\b(?=[^.]{0,40}\b(?:loud\w*|bang\w*|sagg\w*|bow\w*|mov\w*|shift\w*|creak\w*|coming down|falling|dropping|giving way|collaps\w*|hear)\b)/ },
  { name: 'en-structure-now', pattern: /\b(?:blowing|flying|ripping) off\b[^.]{0,40}\b(?:landing|street|road|people|path|pavement)\b|\b(?:breaker|panel|fuse ?box|consumer unit|switchboard)\b[^.]{0,30}\b(?:popping|flashing|arcing|sparking|crackling)\b|\bhanging\b[^.]{0,40}\b(?:above|over)\b[^.]{0,20}\b(?:entrance|path|nursery|playground|people|pavement|walkway)\b|扶梯[^。]{0,8}(?:塌|掉|断|卡住)[^。]{0,8}(?:还在转|还在运行|还在走)/ },
  { name: 'labour', pattern: /羊水破|破水了|(?<!一|阵)阵痛|见红了|^(?!.*(?:下个?月|下周|下礼拜|预产期|月嫂|猫|狗|流浪)).*要生了|宫缩|^(?!.*\b(?:next (?:week|month)|due (?:date|in|next)|cat|dog|puppy|kitten|stray|quot\w*|charg\w*|cost\w*|price|fee|bill|paid|pay)\b).*(?:\b(?:her|my|wife'?s) waters? (?:has |have |just )?(?:broke|broken|gone)\b|\bin labou?r\b(?!\s*(?:costs?|charges?|hours?|and|fees?|rates?))|\bgoing into labou?r\b|\bcontractions\b|\bgiving birth\b|\bbaby(?:'s| is) coming\b)/ },
  { name: 'neighbour-unseen', pattern: /^(?!.*(?:师傅|保洁|维修|出差|旅游|出国|回老家|度假|探亲))(?=.*(?:邻居|对门|隔壁|独居|老人|大爷|阿姨|大妈|奶奶|爷爷|那户|那家|叔|婆|他|她)[^。]{0,12}(?:天|星期|周|礼拜)[^，。]{0,4}没(?:见|看到|看见|见到|露面|出过门|出门|动静)(?!(?:过)?(?:人)?(?:来|收|清|修|处理|管|回复|打药|消杀|巡逻)))(?=.*(?:敲门|报纸|快递|牛奶|外卖|电话|门缝|怪味|臭味|苍蝇|屋里|家里)).*(?:没(?:有)?(?:人)?(?:应|开门|动静|反应|声音|人接)|不(?:开门|接|应)|堆|怪味|臭味|苍蝇)/ },
  { name: 'live-shock', pattern: /^(?!.*(?:静电|麻麻的|粗糙|\bstatic\b|\bice cold\b|\bcold water\b|\bfreezing\b|\b(?:could|would|might) (?:get|be) (?:electrocuted|shocked)\b))(?:.*?)(?:(?:一碰|碰一下|摸一下|一摸|一按|按一下)[^，。冻冰冷]{0,2}就(?:麻|电手|电人|电了一下)|(?:开关|插座|水龙头|龙头|淋浴|花洒|热水器|灯|电箱|栏杆|电器|洗衣机|冰箱|插头|电线|墙|门把手|扶手|路灯|电动车|铁门|水管)[^，。]{0,12}(?:一碰|碰一下|摸一下|碰到|摸到|一摸|一按|按一下|碰|摸)[^，。冻冰冷]{0,4}(?:就)?(?:麻|电手|电人|电了一下|被电|打手|有电)|(?:一碰|碰一下|摸一下|碰到|摸到|一摸|一按|按一下|摸|碰)[^，。]{0,6}(?:开关|插座|水龙头|龙头|淋浴|花洒|热水器|灯|电箱|栏杆|电器|洗衣机|冰箱|插头|电线|门把手|扶手|路灯)[^，。冻冰冷]{0,6}(?:麻|电手|电人|电了一下|被电|有电)|\b(?:switch|socket|tap|shower|plug|light|cable|railing|outlet|appliance|fridge|washing machine|kettle|heater|wire|lamp|pole|fence|handrail|faucet)\b(?![^.]{0,40}\b(?:bill|fee|charge|price|static)\b)[^.]{0,40}\b(?:(?:gives?|giving|gave) (?:me |you |us |him |her )?(?:a )?shocks?|shocked (?:me|him|her|us)|shocks? (?:me|you|us)|zapped)\b|\b(?:got|get|getting|was|been) (?:a )?(?:shock(?:ed)?|zapped|electrocuted) (?:by|from|off) (?:the |a |my )?(?:switch|socket|tap|shower|plug|light|cable|railing|outlet|appliance|fridge|washing machine|kettle|heater|wire|lamp|pole|fence|handrail|faucet)\b|\belectrocut\w*|\btingl\w* when (?:i|you) touch)/ },
];

/** A claim about damage already done (compensation, formal complaint, liability): complaint territory. */
export const CLAIM = /赔偿|索赔|赔钱|必须赔|谁赔|谁出|(?:钱|费用?)[^，。]{0,6}(?:你们|物业)(?:来)?出(?![来去面人个手动])|你们出钱|负责(?!人)|验伤|打官司|医药费|医疗费|酒店费|投诉|承担|责任|曝光|媒体|起诉|律师|损失|(?<![\dA-Za-z·])12345(?!\d)|要求.{0,6}(物业|给个说法)|给个说法|\bcompensat|\breimburs|\bcomplain(?!ed)|\bclaim(?!ing (?:to|that|they|he|she)\b| to be\b|s? (?:it|them)\b)|\bliab|\blawyer|\bsue\b|\bresponsib|\bpay for (?:the|my|our|a) (?:repairs?|damage|cleaning|replacement)\b|\bexpect you to pay\b|\bfoot the bill\b|\bI want answers\b/;

/** Negated mentions ("没有烟了", "no smoke", "没人被困") are removed before the rules run. */
const NEGATED = /(?:没有?|无|(?<!是)不是|并没有?|\bno|\bnot|\bwithout)\s*(?:人)?(?:被困|烟|冒烟|着火|漏气|冒火花|火花|打火|冒火|烧焦味|焦糊味|糊味|焦味|smoke|fire|one (?:is )?(?:trapped|stuck|inside)|body (?:is )?(?:trapped|stuck|inside))|(?:没有?|未|怕|以免|担心)(?:砸到|砸伤|伤到)(?:人|东西)|(?:不|没有?)咬(?:人|到人)|(?:\bno|\bnot|\bwithout)\s+(?:any\s+)?(?:smell of gas|gas smell)/g;

/**
 * Benign readings removed before the rules run: cigarette smoke ("有人在楼道抽烟，烟味很大",
 * "people smoke by the door" — a nuisance complaint, not a fire) and a smoke alarm that chirps for a
 * battery or goes off while cooking. Any other cue in the message (点着, 着火, 冒烟 …) still fires.
 */
const SMOKING = /抽烟|吸烟|香烟|烟头|二手烟|烟蒂|烟瘾|谁抽的|抽的烟|在[^，。]{0,6}(里|里面|楼道|电梯|阳台)抽(?![水风屉油湿])/;
const CIGARETTE_SMOKE_EN = /\b(?:cigarettes?|cigars?|tobacco|vape|vaping|second-?hand) smoke\b|\bsmoke from (?:his|her|their|the) (?:cigarettes?|cigars?|pipes?)\b/g;
/** Cigarette smoke that pours, fills, billows or sets off an alarm is a fire cue after all. */
const FIRE_CONTEXT_EN = /\bpour\w*|\bthick\b|\bheavy\b|\beverywhere\b|\bfull of\b|\bfilling\b|\bbillow\w*|\bsmoulder\w*|\bsmolder\w*|\balarm\b|\bdetector\b|\bchute\b|\bbin (?:store|chute|room)\b|\bin the bins?\b|\bcaught\b|\bflames?\b|\bburning\b(?! (?:incense|joss|candles?))|\bdropped\b|\bfell\b|\blit\b|\bcoming off\b|\bcarpet\b|\bsofa\b|\bcushions?\b/;
const HABIT_EN = /\bkeeps?\b|\bevery (?:day|night|evening|morning)\b|\balways\b/;
/** A cat or dog wandering about ("谁家丢了一只橘猫？在3号楼下面转悠") is no intruder. */
const ANIMAL_LOITERING = /(?<!带着|牵着|遛着|抱着)(?:猫|狗|鸟|宠物)(?:在|一直|一直在)?[^的，。人男女]{0,8}?(?:徘徊|转悠)/g;
const SMOKING_EN = /\b(?:people|someone|somebody|they|he|she|neighbou?rs?|residents?|tenants?|guys?|workers?|staff|guards?|drivers?)\s+(?:still\s+|always\s+|often\s+|keep\s+|all\s+|constantly\s+)?smoke\b/g;
const ALARM_BENIGN = /没电|电池|低电|误报|做饭.{0,3}响|炒菜.{0,3}响|一切正常|没有?异常|没(有)?烟(?![头灰蒂])|(应该|是不是)是?坏了|\blow battery\b|\bbattery\b|\bchirp/;
/** A CO alarm chirping while everyone is fine: the device, not the gas (symptoms anywhere keep the rule). */
const EVERYONE_FINE = /人都好好的|(大家|人|家里人)都(没事|挺好|正常)|没(有)?人不舒服|都没(有)?不舒服|\b(?:everyone|everybody)'s (?:fine|ok|okay|well)\b|\b(?:we|we all|everyone|everybody) (?:all |here |at home )?(?:feels?|are|is) (?:fine|ok|okay|well)\b|\bno symptoms\b/;
const CO_ALARM = /一氧化碳报警器?|一氧化碳探测器|\b(?:carbon monoxide|co) (?:alarm|detector)s?\b/g;
/** Children screaming at play ("一帮孩子在楼道里跑来跑去尖叫", "kids screaming in the pool area at 10pm"): noise, not violence. */
const CHILDREN_AT_PLAY = /(?:孩子|小孩|熊孩子|小朋友|\bkids\b|\bchildren\b|\bteenagers\b|\bteens\b)[^。，,.]{0,20}(?:尖叫|\bscreaming\b|\bscreeching\b)|(?:尖叫|\bscreaming\b|\bscreeching\b)[^。，,.]{0,4}(?:的)?(?:孩子|小孩|熊孩子|\bkids\b|\bchildren\b)/g;
const PLAY_NOISE = /跑来跑去|玩|嬉闹|打闹|吵|睡不|午觉|扰民|\bplay(?:ing|s)?\b|\bnois\w*|\bsleep\b|\bshould be closed\b|\bevery (?:night|day|evening|afternoon)\b/;
/** …unless a child screams because something is wrong. */
const DISTRESS = /断了|抽筋|沉下去|骨折|抱走|拉走|拖走|摸|打(?!球|闹|牌|游戏|扰)|没声|没动静|不见了|掉进|水里|哭着|卡|绞|夹|受伤|流血|出血|救命|掉|摔|不见|男的|女的|叔叔|陌生|\bgrab|\bdragg|\bhurt|\bbleed|\bnot coming up\b|\bdrown|\bstuck\b|\bhelp\b|\bman\b|\bwoman\b|\bfell\b|\bcrying\b/;
/** "My inbox is on fire": busy, not burning. */
const IDIOM_ON_FIRE = /\b(?:inbox|schedule|diary|day|week|feed|twitter|chat|group|email)s? (?:is|was|are|'s) (?:on fire|blowing up)\b|\bon fire with (?:messages|notifications|emails|calls|texts|complaints|requests|orders|pings|replies)\b/g;
/** …unless the fire is literal ("my phone is on fire – literally, the battery is burning"). */
const LITERAL_FIRE = /\bliterally\b|\bactually\b|\bseriously\b|\bflames?\b|\bsmok\w*|\bburn\w*|\bbatter\w*|\bcharg\w*|\bextinguisher\b|\bcaught fire\b|\bmelt\w*|\bsparks?\b/;
/** "went off at 3am, false alarm again": a fire alarm told as false, unless it is said not to be false, or is sounding now. */
const FALSE_ALARM = /\bfalse alarm/;
const FALSE_ALARM_DENIED = /\balarm (?:is )?(?:ringing|sounding|going off)\b|\bbanging\b|\btrapped\b|\bcan'?t (?:walk|get) (?:down|out)\b|\bshouting\b|\bevacuat\w*|\b(?:hot|warm|heat|glow\w*|orange|crackl\w*|popp\w*|haz[ey]|blacken\w*|melt\w*|scream\w*)\b|\b(?:not|n'?t|no|never|wasn'?t)\b[^.,;]{0,12}\bfalse alarm|\bfalse alarm my\b|\b(?:is|are|'s|'re|keeps?|still) (?:still )?(?:going off|sounding|ringing|beeping|blaring)\b|\b(?:it'?s|is|was) (?:a )?real\b|\breal (?:fire|one)\b|\bhelp\b|\bplease (?:send|come)\b|\bsend someone\b|\bcough\w*|\bsmell\w*|\bsmok\w*|\bflames?\b/;
/** A CO detector showing low battery — not one that alarms, reads a level or is said not to be low on battery. */
const CO_LOW_BATTERY = /\blow[- ]battery\b|没电了|低电量/;
const CO_REALLY_ALARMING = /\bnot (?:a |the |just (?:a |the )?)?low[- ]battery\b|\bisn'?t (?:a |the |just (?:a |the )?)?low[- ]battery\b|不是没电|不是低电|\b(?:going off|went off|gone off|sounding|alarming|full alarm|reading|reads|ppm)\b|\b(?:changed|replaced|new|fresh) (?:the )?batter|刚换|换了电池|新电池|读数|数值/;
const CO_SYMPTOMS = /\b(?:pounding|splitting|throbbing) heads?\b|\b(?:cat|dog|bird|budgie|pet)s? (?:has |just )?(?:died|collapsed)\b|\bbreathless\b|\bchest pain\b|\blips? (?:are |is |look |looks )?(?:blue|cherry)|猫死了|狗死了|胸口疼|胸闷|头晕|头疼|头痛|恶心|吐|呕|昏|晕|叫不醒|嗜睡|迷糊|没力气|(?<!\bno )\bdizzy\b|(?<!\bno )\bheadache|(?<!\bno )\bnause|\bvomit\w*|\bbeing sick\b|\bthrowing up\b|\bdrows\w*|\bsleepy\b|\bconfused\b|\bfaint\w*|\bcollaps\w*|\bunconscious\b|\bwon'?t wake\b|\bcan'?t wake\b|\bweak\b|\bfloppy\b|\blethargic\b|\blimp\b|\blistless\b|\b(?:feel|feels|feeling|felt) (?:really |very |so )?(?:sick|ill|unwell|rough|faint|funny)\b/;
const ANIMAL_FIGHT = /\b(?:cats?|birds?|pigeons?)\s+(?:keep\s+|always\s+)?fight(?:ing)?\b|(?:猫|鸟|鸽子|狗)[^，。人]{0,4}打架/g;

/** A gas pipe, meter or bottle hissing is a gas cue even next to plumbing words. */
const GAS_HISSING = /(?:燃气|煤气|天然气|液化气)(?:管|表|阀|罐|瓶|灶|软管)[^,，。]{0,10}嘶嘶|嘶嘶[^,，。]{0,10}(?:燃气|煤气|天然气|液化气)|\bgas (?:pipe|meter|line|valve|cylinder|bottle|main|supply|tap|hob|ring|hose|canister|tank)s?\b.{0,30}\bhiss|\bhiss\w*.{0,30}\b(?:from|at|near|by|around) (?:the |a |my )?gas\b/;
/** Cisterns, taps and radiators hiss too: without them a hiss is a gas cue. */
const PLUMBING_HISS = /马桶|水箱|水龙头|水管|暖气|\b(?:toilet|cistern|tap|radiator|pipes?)\b/;

/** A smoke or CO alarm counts only when it sounds: asking who installs one or whether it is required is not an alarm. */
const ALARM_DEVICE = /烟感(报警器)?|烟雾报警器?|一氧化碳(报警器?|探测器)/g;
const ALARM_SOUNDING = /响|叫|鸣|嘀|哔|滴滴|报警了|在报警|闪|\b(?:going off|went off|beep|sounding|ringing|chirp)/;
/** Barbecue smoke is a nuisance; a barbecue that sets something alight still fires (着火, fire). */
const BARBECUE = /烧烤|烤肉|撸串|\bbarbecues?\b|\bbbqs?\b|\bgrill(?:s|ing)?\b/;

function removeBenign(t: string): string {
  if (!LITERAL_FIRE.test(t)) t = t.replace(IDIOM_ON_FIRE, ' ');
  if (FALSE_ALARM.test(t) && !FALSE_ALARM_DENIED.test(t)) t = t.replace(/\bfire alarm\b/g, ' ');
  let out = t.replace(SMOKING_EN, ' ').replace(ANIMAL_FIGHT, ' ');
  if (!FIRE_CONTEXT_EN.test(out) || (HABIT_EN.test(out) && !/\bnow\b|\bpouring\b|\bfilling\b|\bgoing off\b/.test(out))) out = out.replace(CIGARETTE_SMOKE_EN, ' ');
  if (!/人|男|女|扑|咬|龇牙|口吐白沫|狂叫|追着|疯狗|\b(?:man|woman|guy|someone|somebody)\b/.test(out)) out = out.replace(ANIMAL_LOITERING, ' ');
  if (!ALARM_SOUNDING.test(out)) out = out.replace(ALARM_DEVICE, ' ');
  if (/烟花|鞭炮|炮仗|\bfireworks?\b|\bfirecrackers?\b/.test(out)) out = out.replace(/噼里啪啦|噼啪/g, ' ');
  if (PLAY_NOISE.test(out) && !DISTRESS.test(out)) out = out.replace(CHILDREN_AT_PLAY, ' ');
  if (BARBECUE.test(out)) out = out.replace(/\bsmok(?:e|y)\b|油?烟味|油烟|烟很大/g, ' ');
  if (PLUMBING_HISS.test(out) && !GAS_HISSING.test(out)) out = out.replace(/嘶嘶|\bhiss(?:ing|es)?\b/g, ' ');
  if (SMOKING.test(out)) out = out.replace(/烟味/g, ' ').replace(/(?:有人)?在[^，。]{0,6}(?:里|里面|楼道|电梯|阳台)抽(?![水风屉油湿])/g, ' ');
  if (ALARM_BENIGN.test(out)) out = out.replace(/烟感|烟雾报警/g, ' ');
  if ((EVERYONE_FINE.test(out) || (CO_LOW_BATTERY.test(out) && !CO_REALLY_ALARMING.test(out))) && !CO_SYMPTOMS.test(out)) out = out.replace(CO_ALARM, ' ');
  return out;
}

/**
 * An explicit call for urgent help ("快来", "救命", "报警", "害怕", "help", "hurry", "police" …). The
 * security preference needs one: a moderate security probability alone mostly comes from nuisance
 * complaints and hazard-ish repairs. Alarm buttons / emergency exits and lights are equipment, not urgency.
 */
const URGENCY = /快来|快点来|赶紧来|紧急(?!出口|按钮|照明|灯|呼叫)|救命|救人|报警(?!按钮|器|铃|系统)|危险|害怕|不敢|出事|吓人|\bhelp\b|\burgent|\bemergency\b(?!\s*(?:exit|button|light|lighting|stairs?|door|call))|\bhurry\b|\bright now\b|\bscared\b|\bafraid\b|\bdanger|\bpolice\b/;

export function hasUrgency(text: string): boolean {
  return URGENCY.test(normalize(text));
}

/** true when the message claims damages / liability or announces escalation (a complaint signal). */
export function isClaim(text: string): boolean {
  return CLAIM.test(normalize(text));
}

/** A what-if question ("如果着火了应该怎么办", "what should I do if I smell gas?") with nothing said to be happening now. */
export function isWhatIfQuestion(text: string): boolean {
  return isHypothetical(normalize(text));
}

/** "要是闻到燃气味怎么办", "消防通道天天堵着，真着火了消防车怎么进来？": asking about what could happen. */
function isHypothetical(t: string): boolean {
  return (isWhatIf(t) || IF_IT_REALLY_HAPPENED.test(t)) && !HAPPENING_NOW.test(t);
}

/** Clause boundaries; each clause keeps its closing punctuation, so a clause that ends in '?' is known to ask. */
const CLAUSE_SEP = /(?<=[,，。！!?？;；…])\s*(?![,，。！!?？;；…])|(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])/;
/** Politeness after a what-if ("好的谢谢", "在线等", "知道了"). */
const FILLER_CLAUSE = /^(?:好的?|嗯|哦|ok|知道了|明白了|懂了|谢谢(?:你们|物业)?|多谢|谢了|麻烦(?:你们)?了|辛苦了|在线等|急|拜托了?|请回复|[啊呀哈~]+)+$/;
/** A clause that reports rather than asks or explains: a completed or ongoing event, a strength word, a body down. */
const REPORT_MARKER = /\b(?:is|are|'s|'re|am|i'm)\s+\w+ing\b|\bsmells? (?:of|like)\b|\bthere'?s (?:smoke|fire|flames|water|blood|a (?:fire|man|guy|smell))\b|\bnow\b|了(?!解)|正在|(?<![现存实好])在(?!哪|几|什么|吗|不在|线|于)|[好很太](?:大|浓|臭|呛|冲|烫|响|重|深|急|吓人)|[一有这]股|这么(?:多|大|浓|臭)|一直|越来越|(?<!急)救(?!护)|害怕|吓死|出不来|不动|动不了|起不来|躺|倒在|倒地/;
/** A question that names a person or place of its own ("我妈被困电梯里怎么办", "楼下谁家冒烟") asks about something real, not the hypothetical. */
const SPECIFIC_REFERENT = /我(?!们?(?:应该|该|要|能|可以|想))|咱|家里|屋里|厨房|卫生间|客厅|卧室|楼下|楼上|隔壁|对门|对面|门口|楼道|走廊|车库|地库|这(?!种|样)|那(?!么|种|样)|哪家|谁家|几楼|几号|\d+\s*(?:楼|栋|号|层|单元)|[一二三四五六七八九十]+(?:楼|栋|层)|爸|妈|老公|老婆|孩子|儿子|女儿|宝宝|爷爷|奶奶|老人|有人|邻居|\b(?:my|our|me|i|we|he|she|they|it'?s|there|this|that|here)\b/;
/** More that reports, whatever the cue word it leaves to the what-if ("厨房里味道好冲", "楼下那个人手里有刀", "my mum is, she can't get out", "it's really strong in the stairwell", "smells awful on floor 4"). */
const REPORT_MARKER_MORE = /脸色发|出冷汗|胸闷|头疼|头晕|恶心|想吐|说不出话|\bheadaches?\b|\bthrowing up\b|\bvomit\w*|\bjust (?!wondered|wanted|asked|checked|needed)\w+ed\b|手里(?:有|拿)|拿着|刺鼻|闻到|听到|看到|看见|卡住|困住|\b(?:i'?m|i am|we'?re|we are|he'?s|he is|she'?s|she is|they'?re|they are|it'?s|it is|(?:my|our) \w+(?:'s| is| are))\b(?! (?:\w+ )?(?:asking|wondering|fine|ok|okay|elderly|old|disabled|pregnant|deaf|blind|new|worried|afraid|scared|\d+\b(?! and)))|\b(?:crying|screaming|shouting|banging|bleeding|choking|burning|hissing|stinks?|reeks?)\b|\bsmells? (?:awful|terrible|strong|bad|really|so|horrible)\b|\b(?:really|so|very) (?:strong|bad|thick|hot|loud)\b|\bcan'?t (?:get out|breathe|move|open|get up|get in)\b|\bbetween floors\b/;
function firesAnyRule(clause: string): boolean {
  const c = removeBenign(clause);
  return SAFETY_RULES.some((r) => r.pattern.test(c)) || HAZARD_RULES.some((r) => r.pattern.test(c));
}
/** …unless it stays hypothetical ("我家孩子会被困吗", "could my kids get stuck?"). */
const STILL_HYPOTHETICAL = /会|可能|什么样|什么味|怎么(?:判断|分辨|知道|区分|闻)|万一|如果|要是|假如|以防|防止|预防|怎么防|\b(?:could|would|might|can|if|in case|ever)\b/;
const EN_QUESTION = /^(?:(?:and|so|but|also|or) )?(?:who|what|where|when|which|how|why|is|are|am|do|does|did|can|could|should|shall|will|would|may|must|have|has|any|anyone|anybody)\b|\bor\b[^,]*$/;
/** Only what cannot be a report may follow a what-if: thanks, a question about the hypothetical, or context that reports nothing and fires no rule. */
function harmlessAfterWhatIf(raw: string, partOfQuestion = false): boolean {
  const clause = raw.replace(/[,，。！!?？;；…\s]+$/, '');
  const asked = partOfQuestion || QUESTION_CLAUSE.test(clause) || (/[?？]\s*$/.test(raw) && (/[\u3400-\u9fff]/.test(clause) || EN_QUESTION.test(clause)));
  if (clause === '' || FILLER_CLAUSE.test(clause)) return true;
  if (REPORT_MARKER.test(clause) || REPORT_MARKER_MORE.test(clause) || CALL_FOR_HELP.test(clause)) return false;
  const fires = firesAnyRule(clause);
  // "晕倒的人能扶吗", "要叫救护车吗": asks about the cue, reports nothing; "我妈被困电梯里怎么办" reports in question form
  if (asked) return !(fires && SPECIFIC_REFERENT.test(clause) && !STILL_HYPOTHETICAL.test(clause));
  return !fires;
}

function isWhatIf(t: string): boolean {
  const m = HYPOTHETICAL_QUESTION.exec(t);
  if (!m) return false;
  const end = m.index + m[0].length;
  // The conditional clause is exempt. Every other clause must be harmless: those after the question, the tail of
  // the question clause, and clauses inside the matched span (NFKC turns ，into , which the span crosses).
  const span = t.slice(0, end);
  const head = span.split(CLAUSE_SEP).filter((c) => c !== '');
  const rest = t.slice(end).split(CLAUSE_SEP);
  head.shift();
  // the English form ends on its '?': what follows is a clause of its own
  if (/[,，。！!?？;；…]\s*$/.test(span)) return [...head, ...rest].every((c) => harmlessAfterWhatIf(c));
  // the rest of the question clause ("…往哪|跑", "…找谁|我被困了") is judged as part of the question
  const tail = rest.shift() ?? '';
  const question = head.length === 0 ? tail : head.pop() + tail;
  return harmlessAfterWhatIf(question, true) && [...head, ...rest].every((c) => harmlessAfterWhatIf(c));
}

/** Names of the safety cues found in the text (empty when none). */
export function matchSafety(text: string): string[] {
  const t = removeBenign(normalize(text).replace(NEGATED, ' '));
  let hits = SAFETY_RULES.filter((r) => r.pattern.test(t)).map((r) => r.name);
  const trappedBefore = TRAPPED_BEFORE.test(t) && TRAPPED_OVER.test(t) && !STILL_OR_AGAIN.test(t);
  if (trappedBefore) hits = hits.filter((h) => !TRAPPED_CUES.has(h));
  if (CLAIM.test(t) && !CALL_FOR_HELP.test(t) && !GOING_ON_NOW.test(t)) {
    // "家里被偷了…赔偿损失": a claim about a past crime is a complaint about the service; fire, gas,
    // smoke, people trapped stay security whatever else the message says.
    return hits.filter((h) => !CRIME_CUES.has(h));
  }
  if (isHypothetical(t)) return [];
  if (hits.length > 0) return hits;
  if (PERMISSION_QUESTION.test(t) && !PERSON_EN.test(t) && !/\b(?:is|are|'s|'re) \w+ing\b/.test(t)) return [];
  let hazards = HAZARD_RULES.filter((r) => r.pattern.test(t)).map((r) => r.name);
  if (trappedBefore) hazards = hazards.filter((h) => !TRAPPED_CUES.has(h));
  if (POWER_OFF.test(t) && !STILL_LIVE.test(t) && !HURT.test(t)) hazards = hazards.filter((h) => !ELECTRICAL_CUES.has(h) && (h !== 'electrical-flood' || FLOODING.test(t)));
  if (HABITUAL_THROWING.test(t) && !JUST_NOW.test(t)) hazards = hazards.filter((h) => h !== 'falling-objects');
  if (MACHINE_NOT_RESPONDING.test(t) && !PERSON_EN.test(t) && !UNRESPONSIVE.test(t.replace(MACHINE_NOT_RESPONDING_ALL, ' '))) hazards = hazards.filter((h) => h !== 'unresponsive');
  // "扣板掉下来砸在洗手台上了，人没事": it fell, nobody was hurt, nothing more is coming down — a repair
  if (FELL_NOBODY_HURT.test(t) && !STILL_FALLING.test(t)) return hazards.filter((h) => !FALLING_CUES.has(h));
  return hazards;
}

/** "如果被狗咬了应该找谁", "if someone gets stuck in the lift, who do we call?": asking what to do if something happened — an inquiry, unless something is said to be happening now. */
const HYPOTHETICAL_QUESTION = /^(?:请问|我想问一下|想问一下|问一下|家里|楼里|平时|晚上)?(?:如果|万一|假如|要是|假设)[^，。！!]{0,30}?(?:怎么办|咋办|咋整|怎么处理|应该|第一步|干啥|找谁|打什么|打哪个|往哪|去哪|哪里|哪儿|吗)|^(?:what (?:if|should (?:i|we) do if)|if|(?:who|what number|which number) (?:do|should|can) (?:i|we) (?:call|contact|ring|phone)(?: first)? if (?:someone|somebody|anyone|anybody|a|an|there'?s|there is|i|we|you|people)\b)[^.!?]{0,120}\?/;
/** What may follow a what-if question: more questions or thanks ("…第一步应该干啥 能不能开抽油烟机"), never a report ("…往哪跑？楼下好像在冒烟"). */
const QUESTION_CLAUSE = /吗|呢|啥|咋|还是|或者|能不能|可不可以|能否|有没有|怎么|什么|哪|谁|几|多少|是否|要不要|会不会|需不需要|谢谢|多谢|谢了|[?？]$/;
/** "Can I put a satellite dish on my balcony railing?": asking leave to do something — the extended hazard cues stay quiet. */
const PERMISSION_QUESTION = /^(?=[^.!?。！？,，]*[?？]?$)(?!.*\b(?:heart|cardiac|defib\w*|aed|cpr|snake|drown\w*|overdos\w*|breath\w*|seizure|labou?r|collapsed|bleeding|unconscious|fell|hurt|injur\w*|choking|smok(?:e|ing)|fire|ambulance|dying)\b)(?:^(?:hi,? |hello,? )?(?:can|may|could) (?:i|we) (?:put|install|hang|fit|mount|place|keep|store|park|build|put up|fix|attach|use)\b|^(?:am i|are we) allowed to\b|^is it (?:ok|okay|allowed) (?:to|if i)\b)/;
const IF_IT_REALLY_HAPPENED = /(?:真要是?|要真)(?:着火|失火|起火|出事|发生火灾)了?[^，。！!]{0,14}(?:怎么|咋|谁|吗|[?？])/;
const HAPPENING_NOW = /现在|正在|已经|马上|刚才|刚刚|(?:再|还)不(?:来|到|救)|还没(?:来|到)|\b(?:doesn'?t|don'?t|does not|do not) (?:come|get here|arrive|turn up)\b|\bhasn'?t (?:come|arrived|turned up)\b|全是烟|好多烟|很多烟|浓烟|\bright now\b|\bnow\b|\bjust now\b|\b(?:i'?m|i am|we'?re|we are) (?:stuck|trapped|locked in)\b|\b(?:swallowed|drank|fell|collapsed|fainted)\b|\bcan'?t get up\b|\b(?:is|are) (?:following|chasing|hitting|attacking)\b|\b(?:my \w+|he|she|they|we|i)(?: is| are| has| have|'s|'re|'m| am)? (?:just )?(?:been )?(?:collapsed|fallen|stopped breathing|trapped|stuck|bleeding|burning|on fire|unconscious|choking)\b|\b(?:isn'?t|is not|not) breathing\b/;
/** "上个月电梯困人到现在都没个说法", "the lift trapped my dad last month": a past entrapment told as a complaint. */
const TRAPPED_BEFORE = /(?:上个?月|上周|上星期|上礼拜|上次|昨天|昨晚|前天|前几天|去年|年前)[^,，。！!]{0,10}(?:电梯(?:停|卡)|被困|困(?:在|了|住|人)|关在电梯)|\b(?:trapped|stuck)\b[^.!]{0,40}\b(?:last (?:week|month|night|time|year)|yesterday|the other day|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:last (?:week|month|night|year)|yesterday)\b[^.!]{0,30}\b(?:trapped|stuck)\b/;
/** …and told as over: how long it lasted, what came after, what was (not) done. */
const TRAPPED_OVER = /(?:困|关|等)了[^，。]{0,4}(?:分钟|小时)|困过|被困过|的事|那件事|那次|回复|答复|处理结果|后来|之后|出来后|出来以后|救出来|放出来|说法|道歉|解释|太慢|太过分|才有人|才来|\bfor (?:an|half an|\d+|two|three|forty|twenty|thirty) (?:hours?|minutes?|mins?)\b|\bpanic attack\b|\bwhere was\b|\bhaven'?t heard\b|\bhospital\b/;
/** …unless it is happening again or still going on ("昨天困过人的电梯今天又困人了"). */
const STILL_OR_AGAIN = /(?:这次|今天|今晚|此刻)[^，。,]{0,8}(?:卡在|困在|关在|停在|在里面|出不来|出不去|里面有)|(?:^|[,，。！!？?\s])(?![^,，。！!？?]*(?:上个?月|上周|上星期|上礼拜|上次|昨天|昨晚|前天|前几天|去年|年前))[^,，。！!？?]*被(?:困|关)在|快派人|派人来|快来人|又|再次|还在|还困|还没出来|还没人来|今天又|今天[^，。]{0,6}困|今晚[^，。]{0,6}困|这会儿|正在|正被|分钟了|小时了|(?<!到)现在(?!都|也|还没|连)|快来|快点|赶紧|救命|^(?:stuck|trapped)\b|\bhas trapped\b|\bsend someone\b|\bplease come\b|\b(?:i'?m|i am|we'?re|we are|is|are|has been|have been) (?:still )?(?:trapped|stuck)\b|\b(?:now|still)\b[^.]{0,20}\b(?:stuck|trapped|inside)\b|\b(?:stuck|trapped|inside)\b[^.]{0,20}\bnow\b|\bagain\b|\bhelp\b/;
const TRAPPED_CUES: ReadonlySet<string> = new Set(['被困电梯', 'trapped', 'elevator-occupied', 'stranded-in-lift']);

/** "Lift B isn't responding to any buttons": a machine, not a person. */
const UNRESPONSIVE = HAZARD_RULES.find((r) => r.name === 'unresponsive')!.pattern;
const MACHINE_NOT_RESPONDING = /\b(?:lift|elevator|buttons?|app|machine|gate|barrier|card|reader|system|screen|intercom|remote|lock|panel|keypad|website|printer|fob|maintenance|office|landlord|management|helpline|hotline|company|agent|contractor)\b[^.,]{0,30}\b(?:isn'?t|is not|not|won'?t) (?:responding|respond)\b/;
const MACHINE_NOT_RESPONDING_ALL = new RegExp(MACHINE_NOT_RESPONDING.source.replace('{0,30}', '{0,30}?'), 'g');
const PERSON_EN = /\b(?:he|she|him|her|man|woman|baby|son|daughter|husband|wife|mum|mom|dad|father|mother|grandma|grandmother|grandpa|grandfather|granny|neighbou?r|child|kid|boy|girl|someone|somebody|person|lady|guy|old|flatmate|roommate|partner|friend|toddler|guard|concierge|porter|worker|driver|cleaner|gardener|resident|tenant|owner|courier|rider)\b/;
/** "我已经把总闸关了": electrics switched off are a repair unless something is still live (a fire or smoke cue fires anyway). */
const POWER_OFF = /关了总闸|总闸(?:已经)?关了|拉了闸|已经拉了?闸|闸(?:已经)?拉了|(?<![砸刮挖扯剪烧撞])断了电(?![线缆])|已经断电|关了电源|电源(?:已经)?关了|\b(?:turned|switched) off (?:the )?(?:power|mains|breaker|electricity)\b|\bpower(?:'s| is) (?:off|cut)\b/;
const ELECTRICAL_CUES: ReadonlySet<string> = new Set(['electrical-fault', 'live-shock', 'water-on-electrics']);
/** …unless someone was hurt by it ("my son got a shock… his hand has a burn mark"). */
const HURT = /烧伤|灼伤|烫伤|受伤|伤了|送医|医院|晕|昏|倒|不动|哭|发抖|发白|手麻|心跳|胸闷|被电|电到|\belectrocut\w*|\blying\b|\bdizzy\b|\btingl\w*|\bgot (?:a )?shock|\bnumb\b|\bshaking\b|\bpale\b|\bburn|\bhurt\b|\binjur|\bhospital\b|\bunconscious\b|\bcollapsed\b|\bcrying\b/;
const FLOODING = /水淹|积水|进水|淹|灌水|\bflood/;
/** …or it is still live ("拉了闸但是还在冒火花"). */
const STILL_LIVE = /冒火|火光|噼里啪啦|着起来|冒烟|还在|还是|仍|依然|依旧|一直在?(?:冒|闪|响|发烫|滋)|但|可是|却|在(?:闪|滋|冒火|发烫|响)|一闪一闪|滋滋|电池|楼道|走廊|公共|\bstill\b|\bbut\b|\bspark(?:ing|s)\b|\bflicker\w*|\bbuzz\w*|\bcrackl\w*|\bbatter\w*|\bhallway\b|\bcorridor\b/;
/** "楼上邻居老往下扔烟头": something thrown down again and again is a nuisance to stop, unless it nearly hit someone just now. */
const HABITUAL_THROWING = /(?:老|总|经常|天天|每天)(?:是|在)?(?:往下|从楼上|从窗户|往楼下|从阳台)?(?:扔|抛|丢|倒|抖)|\b(?:keeps?|always|constantly) (?:throwing|dropping|tossing|chucking)\b/;
const JUST_NOW = /砸倒|大爷|出血|(?<!烫)伤(?!心)|刚|今天|这次|这会儿|又|差点|差一点|险些|孩子|女儿|儿子|婴儿|瓶|脚边|砸到|砸伤|砸中|砸在|砸破|头上|头破|流血|受伤|小孩|老人|阿姨|婴儿车|菜刀|刀|砖|花盆|酒瓶|现在|正在|下面有人|有人(?:走|经过|路过)|\bjust now\b|\bnearly hit\b|\bright now\b/;
const FELL_NOBODY_HURT = /人没事|人都没事|没(有)?人受伤|没伤到人|没砸到人|\b(?:no ?one|nobody) (?:was |got )?(?:hurt|injured)\b/;
const STILL_FALLING = /还在(往下)?掉|快(要)?掉|要掉|摇摇欲坠|晃|\bstill (?:falling|coming down|hanging)\b|\babout to fall\b/;
const FALLING_CUES: ReadonlySet<string> = new Set(['falling-objects', 'hanging-object', 'structure-down', 'falling-now', 'crushed']);

/** "有人在撬我家门，费用你们出都行，快来": a call for help outweighs a claim. */
const CALL_FOR_HELP = /快来|快点来|赶紧来|赶快来|马上来|救命|救人|\bhelp\b|\bhurry\b/;
/** …or says it is happening now ("有人在撬我家门，我要投诉你们保安", "头破了一直流血"). */
const GOING_ON_NOW = /正在(?!走|办|处理|理赔|协商|等|申请|联系|报)|还在|一直在|一直流|一直冒|一直跟着|流了?(?:很多|好多|一地)血|血流不止|(?:有人|有个人|陌生人|男的|女的|醉汉|小偷)在[^，。]{0,4}(?:撬|偷|砸|试|拉|开|翻|跟|闹)|闹事|砸门|起不来|动不了|一动不动|(?:人|孩子|小孩|老人|他|她)[^。]{0,6}不动了|躺在地上|昏迷|又打起来|水[^。]{0,12}(?:越涨越|漫过)|不省人事|出了事(?:你们|谁)(?:来)?(?:负责|管)|我现在(?:很|好)?害怕|\bright now\b|\bas we speak\b|\b(?:is|are|'s|'re) (?:still )?(?:trying|breaking|stealing|smashing|climbing|bleeding|lying|having|swelling|cracking|hiding|inside|in (?:my|our|the|his|her) (?:flat|home|house|apartment|room|lobby|building|car))\b|\b(?:i'?m|we'?re|i am|we are) (?:hiding|stuck|trapped|locked in|in here)\b|\bstill (?:inside|in there|in here|in (?:my|our|the) (?:flat|home|house|room|building))\b|\bin here\b|\b(?:call|get|send) (?:an? )?ambulance\b|\bsend (?:security|someone|help|the guards?)(?: (?:now|asap|quick\w*|immediately|right away|urgently)\b|\s*(?:!|$))|\bcan'?t (?:breathe|get out)\b|\bwon'?t open\b|\bgetting (?:very |really |so )?hot\b|\b(?:someone|somebody|a (?:man|guy|woman)|he|she|they|people|kids)(?: is| are|'s|'re)? (?:stealing|breaking|smashing|climbing|cutting|trying)\b|\bsomeone is \w+ing\b|\b(?:isn'?t|is not) (?:responding|breathing)\b/;

/** Crime cues: security unless the message is a damage / liability claim (see CLAIM). */
export const CRIME_CUES: ReadonlySet<string> = new Set(['小偷', '撬门', '打架', '可疑人员', 'break-in', 'fight', 'suspicious']);

export const MAJOR_CUES: readonly Rule[] = [
  { name: '受伤', pattern: /受伤|摔伤|砸伤|烫伤|划伤|咬伤|骨折|流血|伤到/ },
  { name: '住院', pattern: /住院|医院|急诊/ },
  { name: '损失', pattern: /损失|(?<!灯)泡坏|淹了|砸坏|砸到车|损坏了我|毁了/ },
  { name: '赔偿', pattern: /赔偿|索赔|赔钱|赔我/ },
  { name: '曝光', pattern: /曝光|发到网上|发微博|抖音|上热搜|发朋友圈/ },
  { name: '媒体', pattern: /媒体|记者|电视台|报社|(?<![\dA-Za-z·])12345(?!\d)|市长热线|消协|住建局|房管局/ },
  { name: '起诉', pattern: /起诉|告你们|法院|律师|打官司|法律途径/ },
  { name: 'injured', pattern: /\binjur|\bhurt\b|\bhospital|\bbroken (?:arm|leg|bone)|\bbleeding\b/ },
  { name: 'loss', pattern: /\bcompensat|\bdamaged my\b|\bruined\b|\bdestroyed\b|\bloss(?:es)?\b/ },
  { name: 'media', pattern: /\bmedia\b|\bjournalist|\breporter|\bnewspaper|\bsocial media\b|\bgo public\b|\bexpose\b/ },
  { name: 'sue', pattern: /\bsu(?:e|ing)\b|\blawsuit\b|\blawyer|\b(?:to|in|into) court\b|\bcourt (?:case|action|order)\b|\blegal action\b/ },
];

export const IMPORTANT_CUES: readonly Rule[] = [
  { name: '多次反映', pattern: /多次(反映|投诉|反应|打电话|报修|找)|(反映|投诉|反应|说|找)了?(好几|很多|多|无数|[两三四五六七八九十2-9])次|第[二三四五六七八九十2-9]次|又一次|反复(反映|投诉)|一再/ },
  { name: '没人管', pattern: /没人(管|理|处理|来|回复|回应)|无人(管|理|处理|问津)|不管不问|没有人(管|理|处理)|不闻不问|没有下文|石沉大海/ },
  { name: '态度差', pattern: /态度.{0,3}(差|恶劣|不好|很差|极差|蛮横|冷漠)|(骂人|爱答不理|不耐烦|甩脸|凶)/ },
  { name: '推诿', pattern: /推诿|踢皮球|互相推|推来推去|推卸/ },
  { name: '拖着', pattern: /(?<!地)拖着(?!地)|(?<!地)拖了|一直拖|拖延|拖到现在|迟迟(不|没)|一直(没|不)(修|处理|解决|来)|还是没(修|处理|解决)/ },
  { name: 'repeated', pattern: /\b(?:several|many|multiple|three|four|five|countless|numerous) times\b|\bagain and again\b|\bthird time\b|\brepeatedly\b|\bstill (?:not|hasn't|haven't|no one)/ },
  { name: 'ignored', pattern: /\bnobody (?:cares|came|responds|replied|does)|\bno one (?:cares|came|responds|replied|does|has)|\bignor(?:ed|ing)\b|\bno response\b/ },
  { name: 'rude', pattern: /\brude\b|\battitude\b|\bimpolite\b|\byelled\b|\bshouted at\b/ },
  { name: 'buck-passing', pattern: /\bpass(?:ing|ed)? the buck\b|\bblam(?:e|ing) each other\b|\bdelay(?:ed|ing|s)?\b|\bdragg(?:ing|ed) (?:on|their feet)\b/ },
];

/** "没人受伤", "nobody hurt": the harm the major cues look for did not happen. */
const NO_HARM = /(?:没有?|无|未|并没有?)(?:人)?(?:受伤|伤到人?|砸伤|摔伤|损失)|(?:没|不)(?:伤|砸)到人|\b(?:no ?one|nobody|no-one)\b(?: was| got| is)? (?:hurt|injured)\b|\bno (?:one|body) (?:got |was )?(?:hurt|injured)\b|\bno (?:injuries|damage)\b/g;

export interface SeverityCue {
  severity: Severity;
  names: string[];
}

/** Severity from the rule layer: major cues win over important cues; null when none fires. */
export function matchSeverityCues(text: string): SeverityCue | null {
  const t = normalize(text).replace(NO_HARM, ' ');
  const major = MAJOR_CUES.filter((r) => r.pattern.test(t)).map((r) => r.name);
  if (major.length > 0) return { severity: 'major', names: major };
  const important = IMPORTANT_CUES.filter((r) => r.pattern.test(t)).map((r) => r.name);
  if (important.length > 0) return { severity: 'important', names: important };
  return null;
}
