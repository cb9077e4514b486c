# The Анықтама's findings and recommendations, in Kazakh. Each is one of the source's points,
# worded as it words them, with the figure that triggered it and the staff's threshold.
# Variables: figures come formatted the Kazakh way ($figure, $limit); $count selects a form.

finding-content =
    Ақпараттық материалдардың мазмұнын күшейтуге назар аудару: материалдардың { $figure }-ы
    ұйымдастырушылық іс-шаралар туралы хабарлар, ал ең жоғарғы межесі – { $limit }.

finding-audience =
    Әлеуметтік желілердегі парақшалардың жазылушылар санын арттыру бойынша қарқынды жұмыс
    жүргізу: әр 100 мүшеге бар-жоғы { $figure } жазылушыдан келеді, ал межесі – кемінде { $limit }.

finding-platforms =
    Әлеуметтік желілерде басқа да парақшаларды ашу: { $names }.

finding-legal =
    Құқықтық тақырыптар бойынша семинарлар өткізуге көңіл бөлу: құқықтық тақырыптағы
    материалдардың үлесі бар-жоғы { $figure }, ал ең төменгі межесі – { $limit }.

finding-branch-pages =
    Әлеуметтік желілерде парақшасы жоқ филиалдарға парақша ашуға көмектесу: { $names }.

# $months: the months of the period; $list: «Аягөз – 5 ай, …»
finding-silent =
    Ұзақ уақыт материал жарияламаған филиалдардың ақпараттық жұмысын жандандыру: кезеңнің
    { $months } айының ішінде материалсыз өткен айлар саны { $list }; межесі – { $limit } айдан
    аспау.
silent-branch = { $branch } – { $count } ай

finding-decline =
    Материалдар санының азаюын тоқтату: өткен жылдың сол кезеңімен салыстырғанда { $list }.
decline-row = { $name } – { $current }, өткен жылы { $previous }

## 1. The organization in numbers. $primaries, $members, $branches: formatted figures.

org-with-members =
    Облыстық ұйым { $members } адамды құрайтын { $primaries } бастауыш кәсіподақ ұйымын,
    { $branches } филиалды біріктіреді.
org-without-members =
    Облыстық ұйым { $primaries } бастауыш кәсіподақ ұйымын, { $branches } филиалды
    біріктіреді. Мүшелер саны тіркелмеген.
org-served-directly =
    Оның ішінде { $served } бастауыш ұйым облыстық комитеттің тікелей қызметінде.
org-members-dated = Мүшелер саны { $day } жағдай бойынша келтірілген.
org-members-later = Мүшелер саны кейінгі дерек бойынша, { $day } жағдайында келтірілген.

## 6. Branches' pages. $total, $having: counts; $list: the branches with their platforms.

branch-pages-some =
    Облыстық ұйымның { $total } филиалының ішінде әлеуметтік желілердегі парақшалар тек
    { $having } ұйымда ғана бар: { $list }.
branch-pages-none =
    Облыстық ұйымның { $total } филиалының бірде-бірінде әлеуметтік желілерде парақша жоқ.

## 7. Methodological materials. $first, $last: years; $titles: the quoted titles.

materials-lead =
    Облыстық ұйымдардың жұмыс бағыттарының бірі ақпараттық-әдістемелік материалдарды әзірлеу
    және шығару болып табылады: кәсіподақ ұйымдарына көмек ретінде брошюралар, оқу құралдары
    мен ұсынымдар.
materials-some =
    { $first }–{ $last } жж. кезеңінде облыстық кәсіподақ аппараты кәсіподақ қызметінің өзекті
    мәселелері бойынша { $number } әдістемелік материал әзірлеп, пайдалану үшін шығарды. Олардың
    ішінде: { $titles }.
materials-none = { $first }–{ $last } жж. облыстық ұйым әдістемелік материалдар шығармаған.

## 5. Followers of a page. $followers, $members, $share, $figure, $minimum: formatted;
## $platform: «Facebook»; $day: dd.mm.yyyy.

followers-unknown = Парақшаның жазылушылар саны тіркелмеген.
followers-later =
    Кезеңнің соңына дейін жазылушылар саны тіркелмеген; кейінгі дерек бойынша { $day }
    жағдайында парақшаның { $followers } жазылушысы бар.
followers-plain = { $day } жағдай бойынша парақшаның { $followers } жазылушысы бар.
followers-low =
    { $platform } парақшасының жазылушылары бар-жоғы { $followers } адамды құрайды ({ $day }
    жағдай бойынша). Облыстық ұйым мүшелерінің саны { $members } екенін ескерсек, бұл
    аудиторияның облыстық ұйым мен оның филиалдарының жұмысына деген қызығушылығының
    төмендігін көрсетеді: жазылушылар мүшелердің бар-жоғы { $share }-ы (әр 100 мүшеге
    { $figure } жазылушыдан келеді, ал межесі – кемінде { $minimum }).
followers-enough =
    { $day } жағдай бойынша парақшаның { $followers } жазылушысы бар: әр 100 мүшеге { $figure }
    жазылушыдан келеді.

## 2. Who does the information work. $officer: the staff member as the region wrote it.

staff-title = Ақпараттық жұмысты кім жүргізеді
staff-officer = Облыстық ұйым аппаратында ақпараттық жұмыс мәселелерімен { $officer } айналысады.
# Used in Russian only, where the officer is written in Kazakh alone.
staff-officer-in-kazakh =
    Облыстық ұйым аппаратында ақпараттық жұмыс мәселелерімен { $officer } айналысады.
staff-officer-none = Облыстық ұйым аппаратында ақпараттық жұмысқа жауапты маман көрсетілмеген.
staff-press-secretary = Облыстық ұйымда штаттық баспасөз хатшысы бар.
staff-no-press-secretary = Ақпараттық жұмыспен тікелей айналысатын штаттық баспасөз хатшысы жоқ.

## 3. Questions reviewed by the executive committee. $year: a year; $question: the quoted title.

reviews-title = Атқару комитетінде қаралған мәселелер
review-first =
    { $year } жылы облыстық ұйымның Атқару комитеті { $question } деген мәселені қарастырды.
review-again =
    Осы тәрізді мәселе { $year } жылы облыстық ұйымның Атқару комитетінің отырысында қаралды
    ({ $question }).
# The word that opens the staff's assessment, unless it opens with it already.
review-however = Алайда,
review-overdue = (мерзімі өтті)
reviews-none = Атқару комитеті ақпараттық жұмыс мәселесін қарастырмаған.
reviews-year = Жыл
reviews-task = Тапсырма
reviews-due = Мерзімі
reviews-state = Орындалуы
reviews-note = «–» – мерзімі белгіленбеген.

## 4. The website. $series: «2021 жылы – 20, 2022 жылы – 36»; $series_counted: the same with
## the first figure's noun («– 20 материалов»), for a language that names it there.

website-title = Сайттағы материалдар
website-none = Сайттарда жарияланған материалдар тіркелмеген.
website-series =
    Ақпараттық жұмыста облыстық ұйым Салалық кәсіподақтың сайтын пайдаланады: { $series }
    материал жарияланды.
website-site = Сайт
# $number: a formatted count; $count selects the form.
materials-count = { $number } материал
# $previous: last year's count over the same span; $more: «more» or «less».
compare-same = Өткен жылдың сол кезеңінде де { $previous } материал жарияланған.
compare-differs =
    Бұл өткен жылдың сол кезеңінен { $more ->
        [more] көп
       *[less] аз
    }: ол кезде { $previous } материал жарияланған.
# $first, $last: the first and last whole years; $a, $b: their counts.
growth =
    Материалдар саны едәуір өсті: { $first } жылы { $a } материал болса, { $last } жылы – { $b }.

## 10. Subscriptions and the mobile app. $outlet: a newspaper; $span: «2022–2024» or «2024».

subscriptions-title = Газетке жазылу және мобильді қосымша
subscription =
    Бастауыш кәсіподақ ұйымдары «{ $outlet }» газетіне жыл сайын жазылады ({ $span } жж.).
subscription-copies =
    Бастауыш кәсіподақ ұйымдары «{ $outlet }» газетіне жыл сайын жазылады ({ $span } жж.,
    { $year } жылы – { $copies } дана).
subscriptions-none = Газеттерге жазылу тіркелмеген.
app-users-unknown = «Bilim kasipodagy» мобильді қосымшасын пайдаланушылар саны тіркелмеген.
app-users =
    «Bilim kasipodagy» мобильді қосымшасын { $users } мүше пайдаланады (мүшелердің { $share }).

## 5. Social networks. $platform: «Facebook»; $address: «: https://…» or nothing; $year and
## $month (1–12): when the page opened; $when: «2024 жылы»; $total, $parts: the materials.

social-title = Әлеуметтік желілер
social-no-pages = Облыстық ұйымның әлеуметтік желілерде парақшасы жоқ.
social-page =
    Облыстық ұйымның { $platform } әлеуметтік желісінде ресми парақшасы бар{ $address }.
social-page-since =
    Облыстық ұйымның { $year } жылдың { $month ->
        [1] қаңтарынан
        [2] ақпанынан
        [3] наурызынан
        [4] сәуірінен
        [5] мамырынан
        [6] маусымынан
        [7] шілдесінен
        [8] тамызынан
        [9] қыркүйегінен
        [10] қазанынан
        [11] қарашасынан
       *[12] желтоқсанынан
    } бастап жұмыс жасайтын { $platform } әлеуметтік желісінде ресми парақшасы бар{ $address }.
social-only-one =
    Еркін қол жетімді цифрлық ресурстардың көптігіне қарамастан, облыстық ұйым тек { $platform }
    алаңын ғана пайдаланады.
social-authors =
    { $when } облыстық ұйымның парақшасында барлығы { $total } материал орналастырылды, оның
    ішінде: { $parts }.
social-page-column = Парақша
social-opened = Ашылған
social-followers = Жазылушылар
social-followers-on = Дерек күні
social-per-hundred = 100 мүшеге шаққанда
social-note = «–» – дерек жоқ.
social-author = Автор ұйым
social-chart = Облыстық ұйымның парақшасындағы материалдар

## 9. The media. $when: «2024 жылы»; $number, $count: materials; $outlets: «"Газет" – 3, …».

media-title = Бұқаралық ақпарат құралдары
media-year = { $when } – { $number } материал ({ $outlets })
# $years: the years' sentences joined with «; ».
media-some = Облыстық ұйымның қызметі туралы БАҚ-та материалдар жарияланды: { $years }.
media-few = Облыстық ұйымның қызметі БАҚ-та аз жарияланады: { $years }.
# $minimum, $minimum_count: the staff's threshold of materials a year.
media-below-minimum =
    Ең көп жарияланған жылдың өзінде материалдар саны жылына кемінде { $minimum } материал деген
    межеге жетпеді.
media-none = БАҚ-та облыстық ұйымның қызметі туралы материалдар тіркелмеген.
# $total, $total_count: appearances on air over the year.
media-on-air-year =
    { $when } облыстық ұйымның өкілдері жергілікті БАҚ эфирлеріне барлығы { $total } рет
    қатысты, оның ішінде: { $outlets }.
# $day: dd.mm.yyyy; $participants: who spoke, as the staff wrote it.
media-on-air = { $day } «{ $outlet }» эфиріне { $participants } қатысты.
media-newspaper = Газет
media-channel = Теле-, радиоарна

## 8. The content of the materials. $period: «2024 жыл»; $total: all materials of the period.

content-title = Материалдардың мазмұны
content-none = Есепті кезеңде ({ $period }) материалдар тіркелмеген.
content-total = Есепті кезеңде ({ $period }) барлығы { $total } материал жарияланды.
# $mix: «ұйымдастырушылық – 66,7 %, …»
content-topics = Тақырыбы белгілі материалдар тақырыптар бойынша былай бөлінеді: { $mix }.
# $legal: legal materials; $share: their share; $known: materials whose topic is known;
# $few: «yes» below the staff's threshold; $of: «all» materials or those «known».
content-legal =
    Құқықтық тақырыптағы материалдар { $few ->
        [yes] бар-жоғы { $legal } ғана
       *[no] { $legal }
    }: бұл { $of ->
        [all] барлық материалдың { $share }-ы
       *[known] құқықтық тақырыпқа қатысы белгілі { $known } материалдың { $share }-ы
    }.
# $named: the quoted titles with their dates.
content-notable =
    Есепті кезеңде жарияланған материалдардың ішінде мыналарды атап өткен жөн: { $named }.
# $unknown: materials of unknown topic, $suffix: its ending («69-ының»); $shares: «some» when
# the shares are counted over the known topics, «none» when not counted.
content-topic-unknown =
    { $total } материалдың { $unknown }-{ $suffix } тақырыбы белгісіз, сондықтан тақырыптардың
    үлесі { $shares ->
        [some] тек тақырыбы белгілі материалдар бойынша есептелді
       *[none] есептелмейді
    }.
# $part: «reposts» or «kazakh»; $figure, $share: the count and its share; $unknown, $suffix:
# the materials without the data.
content-part =
    { $part ->
        [reposts] Репост
       *[kazakh] Қазақ тіліндегі материалдар
    } – { $figure } ({ $share }).
content-part-partly =
    { $part ->
        [reposts] Репост
       *[kazakh] Қазақ тіліндегі материалдар
    } – { $figure } ({ $share }; { $total } материалдың { $unknown }-{ $suffix } дерегі жоқ).
content-part-none =
    { $part ->
        [reposts] Репостқа қатысты
       *[kazakh] Тіліне қатысты
    } деректер жоқ.
# $items: materials with engagement; $views, $reactions, $comments, $shares: their sums.
content-engagement =
    { $items } материал бойынша аудитория белсенділігі: { $views } қаралым, { $reactions }
    реакция, { $comments } пікір, { $shares } бөлісу.
content-engagement-none = Аудитория белсенділігі (қаралым, реакция) тіркелмеген.
content-topic = Тақырып
content-count = Саны
content-share = Үлесі (тақырыбы белгілілер ішінде)
content-unknown-row = Тақырыбы белгісіз
content-chart = Тақырыптар

## Period words, shared by the sections. $year: a year; $day: dd.mm.yyyy; $half: 1 or 2;
## $quarter: 1–4; $span: «01.01–30.06.2024».

period-year = { $year } жылы
period-year-partial = { $year } жылы ({ $day } жағдай бойынша)
period-half =
    { $year } жылдың { $half ->
        [1] бірінші
       *[2] екінші
    } жартысында
period-quarter = { $year } жылдың { $quarter }-тоқсанында
period-span = { $year } жылы ({ $span })
period-label = { $year } жыл
period-label-partial = { $year } жыл, { $day } жағдай бойынша

## The tables by year.

table-total = Барлығы
table-note = «–» – материал тіркелмеген.
table-note-partial = {"*"} { $year } жыл – { $day } жағдай бойынша; «–» – материал тіркелмеген.

## The sections' titles and tables already worded above.

org-title = Ұйым сандармен
org-indicator = Көрсеткіш
org-count = Саны
org-primaries = Бастауыш кәсіподақ ұйымдары
org-members = Кәсіподақ мүшелері
org-branches = Филиалдар
org-note = «–» – мүшелер саны тіркелмеген.
branch-pages-title = Филиалдардың парақшалары
branch-pages-branch = Филиал
branch-pages-pages = Парақшалар
branch-pages-link = Сілтеме
branch-pages-note = «–» – парақша жоқ.
materials-title = Әдістемелік материалдар
materials-year = Жыл
materials-name = Атауы

## 11. Findings and recommendations.

findings-title = Қорытынды және ұсыныстар
findings-intro =
    Жоғарыда айтылғандарға байланысты облыстық ұйым кәсіподақ мүшелерінің әлеуметтік-еңбек
    құқықтарын одан әрі қорғау мақсатында келесі іс-әрекеттерге көңіл бөлуі тиіс:

## A period with nothing recorded. $period: «2024 жыл».

nothing-title = Деректер жоқ
nothing-recorded =
    Есепті кезеңде ({ $period }) облыстық ұйымның ақпараттық жұмысы туралы порталда ешқандай
    дерек тіркелмеген: материалдар, жиынтық сандар, жазылушылар саны, әдістемелік материалдар
    мен Атқару комитетінде қаралған мәселелер жоқ.

## The report's title and signature. $name: the region's name (in Russian, in the prepositional
## case); $form: «own» where the name reads as part of the sentence, «quoted» otherwise.

report-title =
    { $form ->
        [own] { $name }ндағы ақпараттық жұмыстың жай-күйі туралы АНЫҚТАМА
       *[quoted] «{ $name }»: ақпараттық жұмыстың жай-күйі туралы АНЫҚТАМА
    }
# $name: the central organization (in Russian, in the genitive case).
central-press = { $name } аппаратының баспасөз қызметі
central-press-unknown = Орталық Комитет аппаратының баспасөз қызметі
# A title known in Kazakh only; $title: the title.
title-in-kazakh = «{ $title }»
