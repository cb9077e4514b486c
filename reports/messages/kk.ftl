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
