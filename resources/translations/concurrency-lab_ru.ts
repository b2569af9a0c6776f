<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Experiment</name>
    <message>
        <source>steps must be between 1 and %1</source>
        <translation>шагов должно быть от 1 до %1</translation>
    </message>
    <message>
        <source>requests must be between 1 and %1</source>
        <translation>запросов должно быть от 1 до %1</translation>
    </message>
    <message>
        <source>%1 workers must be between 1 and %2</source>
        <translation>исполнителей (%1) должно быть от 1 до %2</translation>
    </message>
    <message>
        <source>more workers (%1) than items (%2)</source>
        <translation>исполнителей (%1) больше, чем работы (%2)</translation>
    </message>
    <message>
        <source>repeat must be between 1 and 1000</source>
        <translation>повторов должно быть от 1 до 1000</translation>
    </message>
    <message>
        <source>switch interval must be between 1 us and 1 s</source>
        <translation>интервал переключения должен быть от 1 мкс до 1 с</translation>
    </message>
    <message>
        <source>timeout must be between 1 ms and 600000 ms</source>
        <translation>тайм-аут должен быть от 1 до 600000 мс</translation>
    </message>
    <message>
        <source>connections must be 0 (no limit) or more</source>
        <translation>соединений должно быть 0 (без ограничения) или больше</translation>
    </message>
    <message>
        <source>watchdog must be between 100 ms and 3600000 ms</source>
        <translation>сторожевой таймер должен быть от 100 до 3600000 мс</translation>
    </message>
    <message>
        <source>switch %1 ms</source>
        <translation>переключение %1 мс</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>пул</translation>
    </message>
    <message>
        <source>no pool with CPython: each run starts a fresh interpreter</source>
        <translation>с CPython нет пула: каждый запуск начинает новый интерпретатор</translation>
    </message>
    <message>
        <source>the CPython scripts run at Python&apos;s own switch interval (5 ms)</source>
        <translation>сценарии CPython работают с собственным интервалом переключения Python (5 мс)</translation>
    </message>
    <message>
        <source>CPython</source>
        <translation>CPython</translation>
    </message>
    <message>
        <source>not an http:// or https:// URL: &apos;%1&apos;</source>
        <translation>не URL вида http:// или https://: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot read the CA certificate file &apos;%1&apos;</source>
        <translation>не удаётся прочитать файл сертификата центра сертификации &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>Gil</name>
    <message>
        <source>GIL (default CPython)</source>
        <translation>GIL (обычный CPython)</translation>
    </message>
    <message>
        <source>free-threaded (3.13t, 3.14t)</source>
        <translation>без GIL, free-threaded (3.13t, 3.14t)</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>free-threaded</source>
        <translation>без GIL</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>CPU: sequential</source>
        <translation>CPU: последовательно</translation>
    </message>
    <message>
        <source>One core at 100 %, the others idle.</source>
        <translation>Одно ядро загружено на 100 %, остальные простаивают.</translation>
    </message>
    <message>
        <source>CPU: 2 threads</source>
        <translation>CPU: 2 потока</translation>
    </message>
    <message>
        <source>Total CPU stays at one core&apos;s worth, hopping between cores: the GIL lets one thread run at a time.</source>
        <translation>Общая загрузка не превышает одного ядра и перескакивает между ядрами: GIL пускает работать только один поток.</translation>
    </message>
    <message>
        <source>CPU: 2 processes</source>
        <translation>CPU: 2 процесса</translation>
    </message>
    <message>
        <source>Two cores at 100 %: each process has its own interpreter and its own GIL.</source>
        <translation>Два ядра на 100 %: у каждого процесса свой интерпретатор и свой GIL.</translation>
    </message>
    <message>
        <source>IO: 100 requests, sequential</source>
        <translation>IO: 100 запросов последовательно</translation>
    </message>
    <message>
        <source>The cores stay idle: the program spends its time waiting for the server.</source>
        <translation>Ядра простаивают: программа всё время ждёт сервер.</translation>
    </message>
    <message>
        <source>IO: 64 threads</source>
        <translation>IO: 64 потока</translation>
    </message>
    <message>
        <source>Threads release the GIL while they wait, so the waits overlap.</source>
        <translation>Потоки отпускают GIL, пока ждут, поэтому ожидания перекрываются.</translation>
    </message>
    <message>
        <source>IO: 16 processes</source>
        <translation>IO: 16 процессов</translation>
    </message>
    <message>
        <source>Processes overlap the waits too, but cost more to start.</source>
        <translation>Процессы тоже перекрывают ожидания, но их дольше запускать.</translation>
    </message>
    <message>
        <source>IO: async, all at once</source>
        <translation>IO: async, все сразу</translation>
    </message>
    <message>
        <source>One thread, every request in flight at once: the fastest and the lightest.</source>
        <translation>Один поток, все запросы в полёте одновременно: быстрее и легче всего.</translation>
    </message>
    <message>
        <source>CPU: 2 subinterpreters</source>
        <translation>CPU: 2 субинтерпретатора</translation>
    </message>
    <message>
        <source>A GIL per interpreter: both cores busy inside one process, no lane waits for a GIL.</source>
        <translation>У каждого интерпретатора свой GIL: оба ядра заняты внутри одного процесса, ни одна дорожка не ждёт GIL.</translation>
    </message>
    <message>
        <source>CPU: 2 threads, free-threaded</source>
        <translation>CPU: 2 потока, без GIL</translation>
    </message>
    <message>
        <source>No GIL: the same threads as in the notebook fill both cores.</source>
        <translation>Без GIL те же потоки, что в блокноте, загружают оба ядра.</translation>
    </message>
    <message>
        <source>Start methods: spawn, fork, forkserver</source>
        <translation>Способы запуска: spawn, fork, forkserver</translation>
    </message>
    <message>
        <source>The starting spans on the timeline: spawn starts a program, fork and forkserver copy one.</source>
        <translation>Отрезки запуска на временной шкале: spawn запускает программу, fork и forkserver копируют готовую.</translation>
    </message>
    <message>
        <source>A process pool</source>
        <translation>Пул процессов</translation>
    </message>
    <message>
        <source>Only the first run starts the processes; the next runs reuse them.</source>
        <translation>Процессы запускает только первый прогон, следующие используют их повторно.</translation>
    </message>
    <message>
        <source>Race: count += 1 in 2 threads</source>
        <translation>Гонка: count += 1 в 2 потоках</translation>
    </message>
    <message>
        <source>Exact with the GIL, updates lost free-threaded, exact again with a lock — and slower.</source>
        <translation>С GIL счёт точный, без GIL обновления теряются, с блокировкой снова точный — и медленнее.</translation>
    </message>
    <message>
        <source>The convoy effect</source>
        <translation>Эффект конвоя</translation>
    </message>
    <message>
        <source>Beside a CPU-bound thread every request waits for the GIL: latency up by a switch interval, throughput down.</source>
        <translation>Рядом с вычисляющим потоком каждый запрос ждёт GIL: задержка растёт на интервал переключения, пропускная способность падает.</translation>
    </message>
    <message>
        <source>Memory: many workers waiting on IO</source>
        <translation>Память: много исполнителей ждут ввода-вывода</translation>
    </message>
    <message>
        <source>Each run&apos;s own memory: a thread costs its stack, a process a whole interpreter, a task a few KiB.</source>
        <translation>Собственная память каждого прогона: поток стоит своего стека, процесс — целого интерпретатора, задача — нескольких КиБ.</translation>
    </message>
</context>
<context>
    <name>Python</name>
    <message>
        <source>&apos;%1&apos; is not on PATH</source>
        <translation>&apos;%1&apos; не найден в PATH</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not exist</source>
        <translation>&apos;%1&apos; не существует</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an executable file</source>
        <translation>&apos;%1&apos; — не исполняемый файл</translation>
    </message>
    <message>
        <source>free-threaded</source>
        <translation>без GIL</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>%1 %2, %3, start method %4 (%5)</source>
        <translation>%1 %2, %3, способ запуска %4 (%5)</translation>
    </message>
    <message>
        <source>could not run &apos;%1&apos;: %2</source>
        <translation>не удалось запустить &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; did not answer within %2 s</source>
        <translation>&apos;%1&apos; не ответил за %2 с</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Python 3 this app can use%2</source>
        <translation>&apos;%1&apos; — не Python 3, с которым может работать приложение%2</translation>
    </message>
    <message>
        <source>the lesson has no CPython script for %1 %2 work</source>
        <translation>в уроке нет сценария CPython для %1, нагрузка %2</translation>
    </message>
    <message>
        <source>needs Python 3.14&apos;s concurrent.interpreters: %1 is Python %2</source>
        <translation>нужен concurrent.interpreters из Python 3.14: %1 — это Python %2</translation>
    </message>
    <message>
        <source>%1 (Python %2) has no module &apos;%3&apos;: install it with apt-get install python3-%3</source>
        <translation>в %1 (Python %2) нет модуля &apos;%3&apos;: установите его командой apt-get install python3-%3</translation>
    </message>
    <message>
        <source>needs a free-threaded build (3.13t, 3.14t): %1 is Python %2 with the GIL</source>
        <translation>нужна сборка без GIL (3.13t, 3.14t): %1 — это Python %2 с GIL</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <source>%1, %2 cores, %3</source>
        <translation>%1, ядер: %2, %3</translation>
    </message>
    <message>
        <source>unknown CPU</source>
        <translation>неизвестный процессор</translation>
    </message>
    <message>
        <source>not a Concurrency Lab session, or cut short: %1 at byte %2</source>
        <translation>не сеанс Concurrency Lab или файл обрезан: %1 в байте %2</translation>
    </message>
    <message>
        <source>not a Concurrency Lab session (a results file opens with --results)</source>
        <translation>не сеанс Concurrency Lab (файл результатов открывается через --results)</translation>
    </message>
    <message>
        <source>recorded by Concurrency Lab %1 in session format %2; this version reads format %3: update the app</source>
        <translation>записан Concurrency Lab %1 в формате сеанса %2; эта версия читает формат %3: обновите приложение</translation>
    </message>
    <message>
        <source>experiment %1 of the session cannot be read</source>
        <translation>эксперимент %1 сеанса не читается</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
</context>
<context>
    <name>Strategy</name>
    <message>
        <source>sequential</source>
        <translation>последовательно</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>потоки</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>процессы</translation>
    </message>
    <message>
        <source>async</source>
        <translation>async</translation>
    </message>
    <message>
        <source>subinterpreters</source>
        <translation>субинтерпретаторы</translation>
    </message>
    <message>
        <source>One worker: one core busy at a time, every wait one after another.</source>
        <translation>Один исполнитель: занято одно ядро, все ожидания — одно за другим.</translation>
    </message>
    <message>
        <source>With the GIL the threads take turns: CPU-bound work stays at one core&apos;s worth, while IO waits overlap. Free-threaded, they fill the cores.</source>
        <translation>С GIL потоки работают по очереди: вычисления не превышают одного ядра, а ожидания ввода-вывода перекрываются. Без GIL потоки занимают все ядра.</translation>
    </message>
    <message>
        <source>A GIL per interpreter (Python 3.12+): CPU-bound work fills the cores inside one process, and no lane ever waits for a GIL.</source>
        <translation>Свой GIL у каждого интерпретатора (Python 3.12+): вычисления занимают все ядра внутри одного процесса, и ни одна дорожка не ждёт GIL.</translation>
    </message>
    <message>
        <source>A process per worker, each with its own interpreter and GIL: every core busy, after a start-up cost.</source>
        <translation>Процесс на исполнителя, у каждого свой интерпретатор и свой GIL: заняты все ядра, но сначала платим за запуск.</translation>
    </message>
    <message>
        <source>One thread, one event loop: the IO waits overlap, the CPU work does not.</source>
        <translation>Один поток, один цикл событий: ожидания ввода-вывода перекрываются, вычисления — нет.</translation>
    </message>
</context>
<context>
    <name>SystemInfo</name>
    <message>
        <source>Application</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <source>Qt (built with)</source>
        <translation>Qt (при сборке)</translation>
    </message>
    <message>
        <source>Qt (running)</source>
        <translation>Qt (работает)</translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation>Компилятор</translation>
    </message>
    <message>
        <source>Build type</source>
        <translation>Тип сборки</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Операционная система</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <source>node</source>
        <translation>node</translation>
    </message>
    <message>
        <source>release</source>
        <translation>release</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>machine</source>
        <translation>machine</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>Процессор</translation>
    </message>
    <message>
        <source>Logical cores</source>
        <translation>Логических ядер</translation>
    </message>
    <message>
        <source>Physical cores</source>
        <translation>Физических ядер</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 ГиБ</translation>
    </message>
</context>
<context>
    <name>ui::CodePage</name>
    <message>
        <source>%1 — the notebook&apos;s cell %2</source>
        <translation>%1 — ячейка блокнота %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch for:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Обратите внимание:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Python, as in the notebook (its bugs fixed and marked FIXED or ADDED)</source>
        <translation>Python, как в блокноте (ошибки исправлены и помечены FIXED или ADDED)</translation>
    </message>
    <message>
        <source>C++, what this app runs for it</source>
        <translation>C++, что для этого выполняет программа</translation>
    </message>
    <message>
        <source>Select and Ctrl+C to copy</source>
        <translation>Выделите и нажмите Ctrl+C, чтобы скопировать</translation>
    </message>
</context>
<context>
    <name>ui::CpuGraph</name>
    <message>
        <source>%1 offline</source>
        <translation>%1 отключено</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>All cores</source>
        <translation>Все ядра</translation>
    </message>
    <message>
        <source>Core %1</source>
        <translation>Ядро %1</translation>
    </message>
    <message>
        <source>%1: this app&apos;s threads and child processes in colour (system time below, user time above), every other program in grey; the newest on the right. Click to enlarge, click again to go back.</source>
        <translation>%1: потоки и дочерние процессы этой программы — цветом (системное время внизу, пользовательское выше), все остальные программы — серым; новое справа. Щелчок — увеличить, ещё щелчок — вернуть.</translation>
    </message>
    <message>
        <source>%1  %2 %  ·  this app %3 %, others %4 %</source>
        <translation>%1  %2 %  ·  эта программа %3 %, другие %4 %</translation>
    </message>
</context>
<context>
    <name>ui::CpuPage</name>
    <message>
        <source>This app: &lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; user  &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; system   &lt;span style=&apos;color:%3&apos;&gt;■&lt;/span&gt; other programs   &lt;span style=&apos;color:%4&apos;&gt;┃&lt;/span&gt; experiment started  ┆ ended — last %5 s, newest on the right; click a graph to enlarge it</source>
        <translation>Эта программа: &lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; пользовательское  &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; системное   &lt;span style=&apos;color:%3&apos;&gt;■&lt;/span&gt; другие программы   &lt;span style=&apos;color:%4&apos;&gt;┃&lt;/span&gt; эксперимент начался  ┆ закончился — последние %5 с, новое справа; щелчок по графику увеличивает его</translation>
    </message>
    <message>
        <source>Other programs are using %1 of a core. The experiment shares the CPU with them: its timings will be slower and noisier and the GIL picture less clear. Close them before the class.</source>
        <translation>Другие программы занимают %1 ядра. Эксперимент делит с ними процессор: время будет больше и с разбросом, картина GIL — менее ясной. Закройте их перед занятием.</translation>
    </message>
    <message>
        <source>CPU per core — this app in colour, other programs in grey — the %1 s up to %2</source>
        <translation>Загрузка ядер — эта программа цветом, другие программы серым — %1 с до %2</translation>
    </message>
</context>
<context>
    <name>ui::ErrorBanner</name>
    <message>
        <source>no message</source>
        <translation>без сообщения</translation>
    </message>
    <message>
        <source>%1: %2 of 1 request failed: %3</source>
        <translation>%1: не удалось выполнить %2 из 1 запроса: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n requests failed: %3</source>
        <translation>
            <numerusform>%1: не удалось выполнить %2 из %n запроса: %3</numerusform>
            <numerusform>%1: не удалось выполнить %2 из %n запросов: %3</numerusform>
            <numerusform>%1: не удалось выполнить %2 из %n запросов: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of 1 step not done: %3</source>
        <translation>%1: не выполнено %2 из 1 шага: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n steps not done: %3</source>
        <translation>
            <numerusform>%1: не выполнено %2 из %n шага: %3</numerusform>
            <numerusform>%1: не выполнено %2 из %n шагов: %3</numerusform>
            <numerusform>%1: не выполнено %2 из %n шагов: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>%1 (and 1 more experiment failed)</source>
        <translation>%1 (и ещё 1 эксперимент завершился с ошибкой)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more experiments failed)</source>
        <translation>
            <numerusform>%1 (и ещё %n эксперимент завершился с ошибкой)</numerusform>
            <numerusform>%1 (и ещё %n эксперимента завершились с ошибкой)</numerusform>
            <numerusform>%1 (и ещё %n экспериментов завершились с ошибкой)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ExperimentPanel</name>
    <message>
        <source>The lesson&apos;s experiments</source>
        <translation>Эксперименты урока</translation>
    </message>
    <message>
        <source>Double-click or press Enter to run; F5 runs the selected experiment</source>
        <translation>Двойной щелчок или Enter — запустить; F5 запускает выбранный эксперимент</translation>
    </message>
    <message>
        <source>%1 — notebook: %2 s</source>
        <translation>%1 — в блокноте: %2 с</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>CPU-bound: counting loop</source>
        <translation>Вычисления (CPU): цикл со счётчиком</translation>
    </message>
    <message>
        <source>IO-bound: HTTP requests</source>
        <translation>Ввод-вывод (IO): HTTP-запросы</translation>
    </message>
    <message>
        <source>What each worker does: count (CPU) or download (IO)</source>
        <translation>Что делает каждый исполнитель: считает (CPU) или скачивает (IO)</translation>
    </message>
    <message>
        <source>How the work is run: one thread, many threads, child processes or one event loop</source>
        <translation>Как выполняется работа: один поток, много потоков, дочерние процессы или один цикл событий</translation>
    </message>
    <message>
        <source>Threads, processes or async tasks; the work is split exactly between them</source>
        <translation>Потоки, процессы или async-задачи; работа делится между ними точно</translation>
    </message>
    <message>
        <source>CPU: steps of the counting loop (10,000,000 in the lesson)</source>
        <translation>CPU: шаги цикла со счётчиком (в уроке 10 000 000)</translation>
    </message>
    <message>
        <source>IO: number of HTTP GETs (100 in the lesson)</source>
        <translation>IO: число HTTP GET-запросов (в уроке 100)</translation>
    </message>
    <message>
        <source>The demo server waits this long before each reply</source>
        <translation>Столько демо-сервер ждёт перед каждым ответом</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>the built-in demo server</source>
        <translation>встроенный демо-сервер</translation>
    </message>
    <message>
        <source>IO: the URL to download; empty for the built-in demo server</source>
        <translation>IO: какой URL скачивать; пусто — встроенный демо-сервер</translation>
    </message>
    <message>
        <source>Runs per experiment; the best and the median are shown (like %timeit)</source>
        <translation>Запусков на эксперимент; показываются лучший и медиана (как в %timeit)</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Исполнители</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Server delay</source>
        <translation>Задержка сервера</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Запустить</translation>
    </message>
    <message>
        <source>Run the experiment with these parameters (F5)</source>
        <translation>Запустить эксперимент с этими параметрами (F5)</translation>
    </message>
    <message>
        <source>Run &amp;all</source>
        <translation>Запустить &amp;все</translation>
    </message>
    <message>
        <source>Run the lesson&apos;s seven experiments in order</source>
        <translation>Запустить семь экспериментов урока по порядку</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Стоп</translation>
    </message>
    <message>
        <source>Stop at once: threads stop, child processes are killed, requests aborted (Esc)</source>
        <translation>Остановить сразу: потоки останавливаются, дочерние процессы завершаются, запросы прерываются (Esc)</translation>
    </message>
    <message>
        <source>Steps or requests done, over all repeats</source>
        <translation>Сделано шагов или запросов, по всем повторам</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch for:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Обратите внимание:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Готово к запуску.</translation>
    </message>
    <message>
        <source>Running… %1 s</source>
        <translation>Выполняется… %1 с</translation>
    </message>
    <message>
        <source>Last batch took %1 s.</source>
        <translation>Последний запуск занял %1 с.</translation>
    </message>
    <message>
        <source>Python build</source>
        <translation>Сборка Python</translation>
    </message>
    <message>
        <source>GIL: threads take turns, as in the CPython most people run (the GIL is emulated). Free-threaded: the threads run in parallel, as in CPython&apos;s free-threaded build (PEP 703; python3.13t, python3.14t)</source>
        <translation>GIL: потоки работают по очереди, как в обычном CPython (GIL эмулируется). Без GIL: потоки работают параллельно, как в сборке CPython free-threaded (PEP 703; python3.13t, python3.14t)</translation>
    </message>
    <message>
        <source>Beyond the notebook (Python 3.12–3.14)</source>
        <translation>За пределами блокнота (Python 3.12–3.14)</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Способ запуска</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>пул</translation>
    </message>
    <message>
        <source>How long a thread may hold the GIL while another waits for it: sys.setswitchinterval (5 ms in CPython). Shorter: fairer turns, more hand-overs</source>
        <translation>Сколько поток может держать GIL, пока другой его ждёт: sys.setswitchinterval (в CPython 5 мс). Короче — очередь справедливее, передач больше</translation>
    </message>
    <message>
        <source>How each child process starts, as multiprocessing names it. spawn: a fresh program is started (safe, slowest). fork: a copy of the running app; Python 3.12+ warns about fork in a process with threads, because a lock another thread held stays locked forever in the copy (here the copy only computes or downloads and reports through a pipe). forkserver: a small single-threaded server, started once, forks each child (Python 3.14&apos;s default on Linux)</source>
        <translation>Как запускается каждый дочерний процесс, в терминах multiprocessing. spawn: запускается новая программа (надёжно, медленнее всего). fork: копия работающего приложения; Python 3.12+ предупреждает о fork в процессе с потоками, потому что блокировка, которую держал другой поток, в копии останется занятой навсегда (здесь копия только считает или скачивает и отчитывается через канал). forkserver: маленький однопоточный сервер, запущенный один раз, порождает каждый процесс (по умолчанию в Linux с Python 3.14)</translation>
    </message>
    <message>
        <source>Like ThreadPoolExecutor or ProcessPoolExecutor: the threads or processes are started by the first run and reused by the next ones, which pay no start-up</source>
        <translation>Как ThreadPoolExecutor или ProcessPoolExecutor: потоки или процессы запускает первый прогон, а следующие используют их повторно и не платят за запуск</translation>
    </message>
    <message>
        <source>What changed since the notebook&apos;s Python 3.5 (from the command line: concurrency-lab lesson --part beyond)</source>
        <translation>Что изменилось со времён Python 3.5 из блокнота (из командной строки: concurrency-lab lesson --part beyond)</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Движок</translation>
    </message>
    <message>
        <source>emulated (C++ model of CPython)</source>
        <translation>эмуляция (модель CPython на C++)</translation>
    </message>
    <message>
        <source>CPython (the lesson&apos;s scripts)</source>
        <translation>CPython (сценарии урока)</translation>
    </message>
    <message>
        <source>both, side by side</source>
        <translation>оба, рядом</translation>
    </message>
    <message>
        <source>emulated: the app&apos;s C++ model of CPython&apos;s GIL, threads and processes. CPython: the lesson&apos;s own scripts on the machine&apos;s Python, measured from outside the same way, its real threads and processes on the Timeline. Both: each experiment on both, their bars side by side.
%1</source>
        <translation>эмуляция: модель GIL, потоков и процессов CPython на C++ внутри приложения. CPython: сами сценарии урока на Python этой машины, измеренные снаружи тем же способом, их настоящие потоки и процессы — на временной шкале. Оба: каждый эксперимент на обоих, их столбцы рядом.
%1</translation>
    </message>
</context>
<context>
    <name>ui::Export</name>
    <message>
        <source>Cannot write %1</source>
        <translation>Не удалось записать %1</translation>
    </message>
</context>
<context>
    <name>ui::FilesPage</name>
    <message>
        <source>Write (w)</source>
        <translation>Записать (w)</translation>
    </message>
    <message>
        <source>open(path, &apos;w&apos;): create or truncate, then write the text (In [75])</source>
        <translation>open(path, &apos;w&apos;): создать или очистить, затем записать текст (In [75])</translation>
    </message>
    <message>
        <source>Read all</source>
        <translation>Прочитать всё</translation>
    </message>
    <message>
        <source>f.read(): the whole file as one string (In [76])</source>
        <translation>f.read(): весь файл одной строкой (In [76])</translation>
    </message>
    <message>
        <source>Append (a)</source>
        <translation>Дописать (a)</translation>
    </message>
    <message>
        <source>open(path, &apos;a&apos;): add the text at the end (In [77])</source>
        <translation>open(path, &apos;a&apos;): дописать текст в конец (In [77])</translation>
    </message>
    <message>
        <source>Show bytes</source>
        <translation>Показать байты</translation>
    </message>
    <message>
        <source>The file&apos;s bytes in hex and as text, like !cat (In [78])</source>
        <translation>Байты файла в hex и как текст, как !cat (In [78])</translation>
    </message>
    <message>
        <source>Read lines</source>
        <translation>Прочитать строки</translation>
    </message>
    <message>
        <source>f.readlines(): the list of lines (In [79])</source>
        <translation>f.readlines(): список строк (In [79])</translation>
    </message>
    <message>
        <source>Iterate lines</source>
        <translation>Перебрать строки</translation>
    </message>
    <message>
        <source>for line in f: one line at a time, without loading the file (In [82])</source>
        <translation>for line in f: по строке, не загружая файл целиком (In [82])</translation>
    </message>
    <message>
        <source>Stat</source>
        <translation>Свойства (stat)</translation>
    </message>
    <message>
        <source>os.stat(): size, permissions, modified time</source>
        <translation>os.stat(): размер, права, время изменения</translation>
    </message>
    <message>
        <source>List folder</source>
        <translation>Содержимое папки</translation>
    </message>
    <message>
        <source>os.listdir(): the folder&apos;s entries</source>
        <translation>os.listdir(): содержимое папки</translation>
    </message>
    <message>
        <source>Make directory</source>
        <translation>Создать каталог</translation>
    </message>
    <message>
        <source>os.mkdir(): make the directory (In [64])</source>
        <translation>os.mkdir(): создать каталог (In [64])</translation>
    </message>
    <message>
        <source>Remove directory</source>
        <translation>Удалить каталог</translation>
    </message>
    <message>
        <source>os.rmdir(): only an empty directory, never recursive (In [66])</source>
        <translation>os.rmdir(): только пустой каталог, никогда рекурсивно (In [66])</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Удалить файл</translation>
    </message>
    <message>
        <source>os.remove(): delete the file</source>
        <translation>os.remove(): удалить файл</translation>
    </message>
    <message>
        <source>Make a big file</source>
        <translation>Создать большой файл</translation>
    </message>
    <message>
        <source>Write a big text file, then iterate over it: memory stays flat</source>
        <translation>Записать большой текстовый файл и перебрать его строки: память не растёт</translation>
    </message>
    <message>
        <source>Each operation: the lesson&apos;s Python, the C++/Qt counterpart, the result or the error</source>
        <translation>Каждая операция: Python из урока, аналог на C++/Qt, результат или ошибка</translation>
    </message>
    <message>
        <source>The working folder: every name below is relative to it</source>
        <translation>Рабочая папка: все имена ниже — относительно неё</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>New temporary folder</source>
        <translation>Новая временная папка</translation>
    </message>
    <message>
        <source>A fresh, empty folder under the system&apos;s temporary directory</source>
        <translation>Новая пустая папка во временном каталоге системы</translation>
    </message>
    <message>
        <source>Working folder</source>
        <translation>Рабочая папка</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>What Write writes; a newline is added, as in the lesson</source>
        <translation>Что записывает «Записать»; перевод строки добавляется, как в уроке</translation>
    </message>
    <message>
        <source>What Append adds; a newline is added, as in the lesson</source>
        <translation>Что добавляет «Дописать»; перевод строки добавляется, как в уроке</translation>
    </message>
    <message>
        <source>append</source>
        <translation>дописать</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>The directory Make directory and Remove directory work on</source>
        <translation>Каталог для «Создать каталог» и «Удалить каталог»</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>The encoding Write and Append use</source>
        <translation>Кодировка для записи</translation>
    </message>
    <message>
        <source>The encoding the reads use: a different one than the file&apos;s shows mojibake or an error</source>
        <translation>Кодировка для чтения: если она не совпадает с кодировкой файла, будут кракозябры или ошибка</translation>
    </message>
    <message>
        <source>write as</source>
        <translation>записывать в</translation>
    </message>
    <message>
        <source>read as</source>
        <translation>читать как</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Кодировка</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> МиБ</translation>
    </message>
    <message>
        <source>The size of the big file</source>
        <translation>Размер большого файла</translation>
    </message>
    <message>
        <source>%1 exists. Overwrite it?</source>
        <translation>%1 уже существует. Перезаписать?</translation>
    </message>
    <message>
        <source>Remove the file %1?</source>
        <translation>Удалить файл %1?</translation>
    </message>
    <message>
        <source>Remove the directory %1? (Only an empty one can be removed.)</source>
        <translation>Удалить каталог %1? (Удалить можно только пустой.)</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Подтвердите</translation>
    </message>
    <message>
        <source>(done, nothing printed)</source>
        <translation>(готово, ничего не выведено)</translation>
    </message>
    <message>
        <source>… %1 characters in all, the first %2 shown</source>
        <translation>… всего %1 символов, показаны первые %2</translation>
    </message>
    <message>
        <source>memory: %1 MiB resident before, %2 MiB after</source>
        <translation>память: %1 МиБ до, %2 МиБ после</translation>
    </message>
    <message>
        <source>The file to work on, inside the folder: no &apos;..&apos;, no absolute name, and a symbolic link is never followed; any language, up to 255 bytes</source>
        <translation>Файл для работы — внутри папки: без &apos;..&apos;, без абсолютного пути, по символическим ссылкам программа не переходит; любой язык, до 255 байт</translation>
    </message>
    <message>
        <source>Could not make a new folder under %1: choose a working folder.</source>
        <translation>Не удалось создать новую папку в %1: выберите рабочую папку.</translation>
    </message>
    <message>
        <source>Choose a working folder first.</source>
        <translation>Сначала выберите рабочую папку.</translation>
    </message>
    <message>
        <source>Could not start a thread for the operation: %1</source>
        <translation>Не удалось запустить поток для операции: %1</translation>
    </message>
</context>
<context>
    <name>ui::Help</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Что делают</translation>
    </message>
    <message>
        <source>About Concurrency Lab</source>
        <translation>О программе Concurrency Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Concurrency Lab %1&lt;/h3&gt;&lt;p&gt;Shows a class how a computer runs work sequentially, in threads, in child processes and asynchronously — live, with the lesson&apos;s experiments, an emulated GIL, per-core CPU graphs and a timeline of every worker.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Concurrency Lab %1&lt;/h3&gt;&lt;p&gt;Показывает классу, как компьютер выполняет работу последовательно, в потоках, в дочерних процессах и асинхронно — вживую: эксперименты урока, эмуляция GIL, графики загрузки каждого ядра и временная шкала каждого исполнителя.&lt;/p&gt;&lt;p&gt;Собрано с Qt %2 (работает на Qt %3).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ui::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Export chart as PNG…</source>
        <translation>&amp;Экспорт графика в PNG…</translation>
    </message>
    <message>
        <source>Export &amp;all…</source>
        <translation>Экспорт в&amp;сего…</translation>
    </message>
    <message>
        <source>Export &amp;scale</source>
        <translation>&amp;Масштаб экспорта</translation>
    </message>
    <message>
        <source>1× (screen)</source>
        <translation>1× (экран)</translation>
    </message>
    <message>
        <source>2× (projector)</source>
        <translation>2× (проектор)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Запустить</translation>
    </message>
    <message>
        <source>Run the experiment with the panel&apos;s parameters</source>
        <translation>Запустить эксперимент с параметрами панели</translation>
    </message>
    <message>
        <source>Run &amp;all of the lesson</source>
        <translation>Запустить &amp;весь урок</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Стоп</translation>
    </message>
    <message>
        <source>&amp;Clear results</source>
        <translation>&amp;Очистить результаты</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Сервер</translation>
    </message>
    <message>
        <source>&amp;Start or stop the demo server</source>
        <translation>&amp;Запустить или остановить демо-сервер</translation>
    </message>
    <message>
        <source>Set the &amp;delay…</source>
        <translation>Задать &amp;задержку…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Режим презентации</translation>
    </message>
    <message>
        <source>Full screen, larger fonts, thicker lines, colour-blind-safe colours</source>
        <translation>Полный экран, крупный шрифт, толстые линии, цвета, различимые при дальтонизме</translation>
    </message>
    <message>
        <source>CPU &amp;sampling rate</source>
        <translation>&amp;Частота опроса ЦП</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Гц</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About Concurrency Lab</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>CPU &amp;history shown</source>
        <translation>&amp;История загрузки ЦП</translation>
    </message>
    <message>
        <source>Last %1 s</source>
        <translation>Последние %1 с</translation>
    </message>
    <message>
        <source>Timings on a &amp;log scale</source>
        <translation>Время в &amp;логарифмическом масштабе</translation>
    </message>
    <message>
        <source>Each decade of seconds the same height, so 0.1 s bars show beside 10 s ones</source>
        <translation>Каждый десятичный порядок секунд одной высоты: столбики по 0,1 с видны рядом со столбиками по 10 с</translation>
    </message>
    <message>
        <source>Run a &amp;Python script…</source>
        <translation>Запустить сценарий &amp;Python…</translation>
    </message>
    <message>
        <source>Run any Python file on the machine&apos;s CPython: timed, its threads and processes on the Timeline, its output shown</source>
        <translation>Запустить любой файл Python на CPython этой машины: с замером времени, его потоками и процессами на временной шкале и его выводом</translation>
    </message>
    <message>
        <source>Python &amp;interpreter…</source>
        <translation>&amp;Интерпретатор Python…</translation>
    </message>
    <message>
        <source>Which python3 runs the CPython engine and your scripts</source>
        <translation>Какой python3 выполняет движок CPython и ваши сценарии</translation>
    </message>
    <message>
        <source>Export &amp;trace…</source>
        <translation>Экспорт &amp;трассы…</translation>
    </message>
    <message>
        <source>Every run on the Timings page and the CPU graphs as a trace for Perfetto UI (ui.perfetto.dev) or chrome://tracing</source>
        <translation>Все прогоны со страницы «Время» и графики ЦП как трасса для Perfetto UI (ui.perfetto.dev) или chrome://tracing</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>&amp;Открыть сеанс…</translation>
    </message>
    <message>
        <source>Show a session saved here or on another machine, as it was recorded</source>
        <translation>Показать сеанс, сохранённый здесь или на другой машине, таким, каким он был записан</translation>
    </message>
    <message>
        <source>&amp;Save session…</source>
        <translation>&amp;Сохранить сеанс…</translation>
    </message>
    <message>
        <source>&amp;Replay session</source>
        <translation>&amp;Воспроизвести сеанс</translation>
    </message>
    <message>
        <source>Play the opened session&apos;s CPU graphs and timeline again at real speed</source>
        <translation>Снова проиграть графики ЦП и временную шкалу открытого сеанса в реальном времени</translation>
    </message>
    <message>
        <source>Every experiment run since the app started, with its timeline, and the CPU history: to present on another machine</source>
        <translation>Все эксперименты с запуска приложения, с их временной шкалой, и история загрузки ЦП: чтобы показать на другой машине</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Concurrency Lab</source>
        <translation>Concurrency Lab</translation>
    </message>
    <message>
        <source>The demo server could not start: %1</source>
        <translation>Демо-сервер не запустился: %1</translation>
    </message>
    <message>
        <source>Live CPU</source>
        <translation>Загрузка ЦП</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Процессы</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Экспорт в PNG…</translation>
    </message>
    <message>
        <source>Demo server</source>
        <translation>Демо-сервер</translation>
    </message>
    <message>
        <source>Delay before each reply (ms):</source>
        <translation>Задержка перед каждым ответом (мс):</translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation>Запуск невозможен</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Останавливается…</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Выполняется: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <source>Demo server: stopped</source>
        <translation>Демо-сервер: остановлен</translation>
    </message>
    <message>
        <source>Demo server: %1 · delay %2 ms · served %3 · max in flight %4</source>
        <translation>Демо-сервер: %1 · задержка %2 мс · обслужено %3 · максимум одновременно %4</translation>
    </message>
    <message>
        <source>Stop the experiment first.</source>
        <translation>Сначала остановите эксперимент.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Не удалось записать %1</translation>
    </message>
    <message>
        <source>Export all into a folder</source>
        <translation>Экспортировать всё в папку</translation>
    </message>
    <message>
        <source>Exported charts and results into %1</source>
        <translation>Графики и результаты сохранены в %1</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Потоки ввода-вывода</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Временная шкала</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>Ускорение</translation>
    </message>
    <message>
        <source>sweep: sequential</source>
        <translation>серия: последовательно</translation>
    </message>
    <message>
        <source>sweep: %1 ×%2</source>
        <translation>серия: %1 ×%2</translation>
    </message>
    <message>
        <source>Export chart as PNG or SVG</source>
        <translation>Экспорт графика в PNG или SVG</translation>
    </message>
    <message>
        <source>PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>Изображения PNG (*.png);;Рисунки SVG (*.svg)</translation>
    </message>
    <message>
        <source>Finished with errors.</source>
        <translation>Завершено с ошибками.</translation>
    </message>
    <message>
        <source>⚠ Other programs: %1 of a core</source>
        <translation>⚠ Другие программы: %1 ядра</translation>
    </message>
    <message>
        <source>Other programs are using the CPU: the experiment&apos;s timings will be slower and noisier. The Live CPU tab shows them in grey.</source>
        <translation>Другие программы занимают процессор: время эксперимента будет больше и с разбросом. На вкладке «Загрузка ЦП» они показаны серым.</translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable entries of the run history were skipped (%1)</source>
        <translation>
            <numerusform>Пропущена %n нечитаемая запись истории запусков (%1)</numerusform>
            <numerusform>Пропущены %n нечитаемые записи истории запусков (%1)</numerusform>
            <numerusform>Пропущено %n нечитаемых записей истории запусков (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>GIL pitfalls</source>
        <translation>Ловушки GIL</translation>
    </message>
    <message>
        <source>Convoy: IO thread %1, %2, switch %3 ms</source>
        <translation>Конвой: поток ввода-вывода %1, %2, переключение %3 мс</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>%1 — CPython</source>
        <translation>%1 — CPython</translation>
    </message>
    <message>
        <source>No runs to export yet: run an experiment first</source>
        <translation>Экспортировать пока нечего: сначала запустите эксперимент</translation>
    </message>
    <message>
        <source>Export trace</source>
        <translation>Экспорт трассы</translation>
    </message>
    <message>
        <source>Trace Event Format (*.json)</source>
        <translation>Trace Event Format (*.json)</translation>
    </message>
    <message>
        <source>Trace written to %1: open it in Perfetto UI (ui.perfetto.dev) or chrome://tracing</source>
        <translation>Трасса записана в %1: откройте её в Perfetto UI (ui.perfetto.dev) или chrome://tracing</translation>
    </message>
</context>
<context>
    <name>ui::PitfallsPage</name>
    <message>
        <source>alone</source>
        <translation>один</translation>
    </message>
    <message>
        <source>with a lock</source>
        <translation>с блокировкой</translation>
    </message>
    <message>
        <source>no lock</source>
        <translation>без блокировки</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Race: count += 1 in 2 threads</source>
        <translation>Гонка: count += 1 в 2 потоках</translation>
    </message>
    <message>
        <source>CPython switches threads only between bytecodes&apos; backward jumps and calls, never inside count += 1: with the GIL nothing is lost. Free-threaded, two threads read the same value and one update is lost; a lock makes it exact again, and slower.</source>
        <translation>CPython переключает потоки только на обратных переходах и вызовах, никогда внутри count += 1: с GIL ничего не теряется. Без GIL два потока читают одно и то же значение, и одно обновление пропадает; блокировка снова делает счёт точным, но медленнее.</translation>
    </message>
    <message>
        <source>Python build</source>
        <translation>Сборка Python</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <source>Got</source>
        <translation>Получилось</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Потеряно</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>The convoy effect: one thread making requests</source>
        <translation>Эффект конвоя: один поток делает запросы</translation>
    </message>
    <message>
        <source>IO thread</source>
        <translation>Поток ввода-вывода</translation>
    </message>
    <message>
        <source>Switch interval</source>
        <translation>Интервал переключения</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Запросов/с</translation>
    </message>
    <message>
        <source>beside a CPU-bound thread</source>
        <translation>рядом с вычисляющим потоком</translation>
    </message>
    <message>
        <source>beside a CPU-bound process</source>
        <translation>рядом с вычисляющим процессом</translation>
    </message>
    <message>
        <source>beside %1 CPU-bound threads</source>
        <translation>рядом с %1 вычисляющими потоками</translation>
    </message>
    <message>
        <source>beside %1 CPU-bound processes</source>
        <translation>рядом с %1 вычисляющими процессами</translation>
    </message>
    <message>
        <source>After each request the IO thread needs the GIL back, and a CPU-bound thread gives it up only after the switch interval (set beside the Python build): latency grows by that much, requests per second collapse. Its requests go to a server of its own that answers in 1 ms. The IO thread&apos;s timeline and its latency histogram are on the Timeline page.</source>
        <translation>После каждого запроса потоку ввода-вывода нужен GIL, а вычисляющий поток отдаёт его только через интервал переключения (задаётся рядом со сборкой Python): задержка растёт на столько же, число запросов в секунду обваливается. Запросы идут к отдельному серверу, который отвечает за 1 мс. Временная шкала потока и гистограмма задержек — на странице «Временная шкала».</translation>
    </message>
</context>
<context>
    <name>ui::ProcessModel</name>
    <message>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>спит</translation>
    </message>
    <message>
        <source>waiting for disk</source>
        <translation>ждёт диск</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>зомби</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <source>PID / TID</source>
        <translation>PID / TID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <source>CPU (of one core)</source>
        <translation>ЦП (от одного ядра)</translation>
    </message>
    <message>
        <source>Resident memory</source>
        <translation>Резидентная память</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 МиБ</translation>
    </message>
</context>
<context>
    <name>ui::ProcessesPage</name>
    <message>
        <source>This app&apos;s processes, live, like top: expand a process to see its threads</source>
        <translation>Процессы приложения вживую, как в top: раскройте процесс, чтобы увидеть его потоки</translation>
    </message>
</context>
<context>
    <name>ui::PythonControl</name>
    <message>
        <source>%1 s: CPU %2 s user + %3 s system, memory %4 MiB (PSS); %5 threads in %6 processes, sampled %7 times a second; two or more running at once %8 % of the time</source>
        <translation>%1 с: ЦП %2 с пользователь + %3 с система, память %4 МиБ (PSS); потоков: %5, процессов: %6, опрос %7 раз в секунду; два и больше работали одновременно %8 % времени</translation>
    </message>
    <message>
        <source>/proc/…/syscall is not readable here: the Timeline shows running and not running only</source>
        <translation>/proc/…/syscall здесь не читается: временная шкала показывает только «работает» и «не работает»</translation>
    </message>
    <message>
        <source>Python interpreter</source>
        <translation>Интерпретатор Python</translation>
    </message>
    <message>
        <source>Run a Python script</source>
        <translation>Запустить сценарий Python</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Сценарии Python (*.py);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Arguments for %1 (optional):</source>
        <translation>Аргументы для %1 (необязательно):</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>%1 — output</source>
        <translation>%1 — вывод</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Python script: %1</source>
        <translation>Сценарий Python: %1</translation>
    </message>
</context>
<context>
    <name>ui::ResultsModel</name>
    <message>
        <source>Experiment</source>
        <translation>Эксперимент</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Wall, s</source>
        <translation>Время, с</translation>
    </message>
    <message>
        <source>CPU user, s</source>
        <translation>ЦП пользователь, с</translation>
    </message>
    <message>
        <source>CPU system, s</source>
        <translation>ЦП система, с</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Элементы</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>успешно</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Own memory, MiB</source>
        <translation>Своя память, МиБ</translation>
    </message>
</context>
<context>
    <name>ui::SessionControl</name>
    <message>
        <source>Save session</source>
        <translation>Сохранить сеанс</translation>
    </message>
    <message>
        <source>Nothing to save yet: run an experiment first.</source>
        <translation>Сохранять пока нечего: сначала запустите эксперимент.</translation>
    </message>
    <message>
        <source>Concurrency Lab sessions (*.session.json *.json)</source>
        <translation>Сеансы Concurrency Lab (*.session.json *.json)</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Открыть сеанс</translation>
    </message>
    <message>
        <source>Stop the experiment first.</source>
        <translation>Сначала остановите эксперимент.</translation>
    </message>
    <message>
        <source>Concurrency Lab sessions (*.session.json *.json);;All files (*)</source>
        <translation>Сеансы Concurrency Lab (*.session.json *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 не открывается: %2</translation>
    </message>
    <message>
        <source>Recorded on %1 at %2 (Concurrency Lab %3)</source>
        <translation>Записано на %1, %2 (Concurrency Lab %3)</translation>
    </message>
    <message>
        <source>replaying: %1 of %2 s</source>
        <translation>воспроизведение: %1 из %2 с</translation>
    </message>
    <message>
        <source>Stop replay</source>
        <translation>Остановить воспроизведение</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Play the recorded CPU graphs and timeline again at real speed</source>
        <translation>Снова проиграть записанные графики ЦП и временную шкалу в реальном времени</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Вернуться к живым данным</translation>
    </message>
    <message>
        <source>Close the recording and show this machine&apos;s CPU and runs again</source>
        <translation>Закрыть запись и снова показать ЦП и прогоны этой машины</translation>
    </message>
</context>
<context>
    <name>ui::SpeedupChart</name>
    <message>
        <source>Run a sweep to see how the speedup grows with workers</source>
        <translation>Запустите серию, чтобы увидеть, как растёт ускорение с числом исполнителей</translation>
    </message>
    <message>
        <source>%1 %2, %3: speedup against sequential — serial fraction f = %4</source>
        <translation>%1 %2, %3: ускорение относительно последовательного — последовательная доля f = %4</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>измерено</translation>
    </message>
    <message numerus="yes">
        <source>ideal: linear up to %n core(s), then flat</source>
        <translation>
            <numerusform>идеал: линейно до %n ядра, затем ровно</numerusform>
            <numerusform>идеал: линейно до %n ядер, затем ровно</numerusform>
            <numerusform>идеал: линейно до %n ядер, затем ровно</numerusform>
        </translation>
    </message>
    <message>
        <source>Amdahl, f = %1</source>
        <translation>Амдал, f = %1</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>исполнители</translation>
    </message>
    <message>
        <source>speedup (×)</source>
        <translation>ускорение (×)</translation>
    </message>
</context>
<context>
    <name>ui::SpeedupPage</name>
    <message>
        <source>CPU-bound</source>
        <translation>Вычисления (CPU)</translation>
    </message>
    <message>
        <source>IO-bound</source>
        <translation>Ввод-вывод (IO)</translation>
    </message>
    <message>
        <source>1 to </source>
        <translation>от 1 до </translation>
    </message>
    <message>
        <source> workers</source>
        <translation> исполнителей</translation>
    </message>
    <message>
        <source>Runs the strategy with 1, 2, … up to this many workers (default: twice the cores)</source>
        <translation>Запускает стратегию с 1, 2, … до стольких исполнителей (по умолчанию — вдвое больше ядер)</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>Запустить серию</translation>
    </message>
    <message>
        <source>Sequential first, then each worker count; steps and requests come from the Parameters panel</source>
        <translation>Сначала последовательно, затем каждое число исполнителей; шаги и запросы берутся из панели «Параметры»</translation>
    </message>
    <message>
        <source>sequential %1 s; speedup by workers — %2</source>
        <translation>последовательно %1 с; ускорение по числу исполнителей — %2</translation>
    </message>
    <message>
        <source>With the GIL, threads hit the flat &quot;GIL ceiling&quot;; unchecked, they run free-threaded (3.13t, 3.14t)</source>
        <translation>С GIL потоки упираются в плоский «потолок GIL»; без отметки они работают без GIL (free-threaded, 3.13t, 3.14t)</translation>
    </message>
</context>
<context>
    <name>ui::StreamsPage</name>
    <message>
        <source>terminal</source>
        <translation>терминал</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>канал (pipe)</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>socket</source>
        <translation>сокет</translation>
    </message>
    <message>
        <source>/dev/null</source>
        <translation>/dev/null</translation>
    </message>
    <message>
        <source>character device</source>
        <translation>символьное устройство</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>Every process starts with three open descriptors: 0 (stdin), 1 (stdout) and 2 (stderr). In the lesson Jupyter had replaced them; here are this app&apos;s real ones. Start the app from a terminal, with &lt;tt&gt;&amp;gt; file&lt;/tt&gt;, with &lt;tt&gt;| cat&lt;/tt&gt; or from the desktop and see them change.</source>
        <translation>Каждый процесс начинает работу с тремя открытыми дескрипторами: 0 (stdin), 1 (stdout) и 2 (stderr). В уроке их подменил Jupyter; здесь — настоящие дескрипторы приложения. Запустите приложение из терминала, с &lt;tt&gt;&amp;gt; file&lt;/tt&gt;, с &lt;tt&gt;| cat&lt;/tt&gt; или с рабочего стола — и посмотрите, как они меняются.</translation>
    </message>
    <message>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <source>Points to</source>
        <translation>Куда ведёт</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>TTY</source>
        <translation>TTY</translation>
    </message>
    <message>
        <source>What /proc/self/fd/0, 1 and 2 point to</source>
        <translation>Куда указывают /proc/self/fd/0, 1 и 2</translation>
    </message>
    <message>
        <source>Write a line to stdout</source>
        <translation>Написать строку в stdout</translation>
    </message>
    <message>
        <source>Write a line to stderr</source>
        <translation>Написать строку в stderr</translation>
    </message>
    <message>
        <source>sys.stdout.write(&quot;where am I\n&quot;)</source>
        <translation>sys.stdout.write(&quot;where am I\n&quot;)</translation>
    </message>
    <message>
        <source>sys.stderr.write(&quot;where am I\n&quot;)</source>
        <translation>sys.stderr.write(&quot;where am I\n&quot;)</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Посмотреть снова</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>ui::SystemPage</name>
    <message>
        <source>The lesson starts with &lt;tt&gt;sys.version&lt;/tt&gt; and &lt;tt&gt;platform.uname()&lt;/tt&gt;; this is the same for this app.</source>
        <translation>Урок начинается с &lt;tt&gt;sys.version&lt;/tt&gt; и &lt;tt&gt;platform.uname()&lt;/tt&gt;; здесь то же самое для этого приложения.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Скопировать всё</translation>
    </message>
    <message>
        <source>Copy these lines to the clipboard</source>
        <translation>Скопировать эти строки в буфер обмена</translation>
    </message>
</context>
<context>
    <name>ui::TimelinePage</name>
    <message>
        <source>%1: p50 %2 ms · p95 %3 ms · p99 %4 ms · max %5 ms (%6 requests)</source>
        <translation>%1: p50 %2 мс · p95 %3 мс · p99 %4 мс · макс %5 мс (%6 запросов)</translation>
    </message>
    <message>
        <source>Which finished run to show</source>
        <translation>Какой завершённый запуск показать</translation>
    </message>
    <message>
        <source>Pin for comparison</source>
        <translation>Закрепить для сравнения</translation>
    </message>
    <message>
        <source>Keep this run on screen; the next one shows under it on the same time scale</source>
        <translation>Оставить этот запуск на экране; следующий покажется под ним в том же масштабе времени</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>Весь запуск</translation>
    </message>
    <message>
        <source>Zoom out to the whole run (or double-click the timeline)</source>
        <translation>Показать весь запуск (или двойной щелчок по шкале)</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Запуск:</translation>
    </message>
    <message>
        <source>How long each request took, like wrk reports</source>
        <translation>Сколько длился каждый запрос — как в отчёте wrk</translation>
    </message>
    <message>
        <source>%1 — running, %2 s so far</source>
        <translation>%1 — идёт, прошло %2 с</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Открепить</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>запросы</translation>
    </message>
    <message>
        <source>Latency of %1 (ms)</source>
        <translation>Задержка: %1 (мс)</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1 (ошибка)</translation>
    </message>
    <message>
        <source>%1 — %2 s</source>
        <translation>%1 — %2 с</translation>
    </message>
    <message>
        <source>%1 — FAILED after %2 s: %3</source>
        <translation>%1 — ОШИБКА через %2 с: %3</translation>
    </message>
    <message>
        <source>Pinned: %1</source>
        <translation>Закреплено: %1</translation>
    </message>
    <message>
        <source>%1 — run %2</source>
        <translation>%1 — запуск %2</translation>
    </message>
</context>
<context>
    <name>ui::TimelineView</name>
    <message>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>waiting for the GIL</source>
        <translation>ждёт GIL</translation>
    </message>
    <message>
        <source>waiting for IO</source>
        <translation>ждёт ввода-вывода</translation>
    </message>
    <message>
        <source>ready, waiting for the loop</source>
        <translation>готова, ждёт цикла событий</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>запускается</translation>
    </message>
    <message>
        <source>Wheel: zoom around the pointer. Drag: pan. Shift+wheel or the scroll bar: more lanes. Double-click: whole run</source>
        <translation>Колесо: масштаб вокруг указателя. Перетаскивание: сдвиг. Shift+колесо или полоса прокрутки: другие дорожки. Двойной щелчок: весь запуск</translation>
    </message>
    <message>
        <source>Run an experiment to see its workers here</source>
        <translation>Запустите эксперимент, чтобы увидеть здесь его исполнителей</translation>
    </message>
    <message>
        <source>%1 lanes
%2…</source>
        <translation>%1 дорожек
%2…</translation>
    </message>
    <message>
        <source>in flight
max %1</source>
        <translation>в полёте
макс %1</translation>
    </message>
    <message>
        <source>%1: %2
from %3 for %4</source>
        <translation>%1: %2
с %3, длительность %4</translation>
    </message>
    <message>
        <source>threads %1–%2</source>
        <translation>потоки %1–%2</translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation>поток %1</translation>
    </message>
    <message>
        <source>processes %1–%2</source>
        <translation>процессы %1–%2</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>процесс %1</translation>
    </message>
    <message>
        <source>tasks %1–%2</source>
        <translation>задачи %1–%2</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>задача %1</translation>
    </message>
    <message>
        <source>main thread</source>
        <translation>главный поток</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 мкс</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>ЦП %1</translation>
    </message>
    <message>
        <source>interpreters %1–%2</source>
        <translation>интерпретаторы %1–%2</translation>
    </message>
    <message>
        <source>interpreter %1</source>
        <translation>интерпретатор %1</translation>
    </message>
</context>
<context>
    <name>ui::TimingChart</name>
    <message>
        <source>Run an experiment to see its timings</source>
        <translation>Запустите эксперимент, чтобы увидеть время</translation>
    </message>
    <message>
        <source>notebook (2011 MacBook Air)</source>
        <translation>блокнот (MacBook Air 2011)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>&lt;br&gt;speedup ×%1</source>
        <translation>&lt;br&gt;ускорение ×%1</translation>
    </message>
    <message>
        <source>✕ failed</source>
        <translation>✕ ошибка</translation>
    </message>
    <message>
        <source>■ stopped</source>
        <translation>■ остановлен</translation>
    </message>
    <message>
        <source>1 run failed</source>
        <translation>1 запуск с ошибкой</translation>
    </message>
    <message numerus="yes">
        <source>%n runs failed</source>
        <translation>
            <numerusform>%n запуск с ошибкой</numerusform>
            <numerusform>%n запуска с ошибкой</numerusform>
            <numerusform>%n запусков с ошибкой</numerusform>
        </translation>
    </message>
    <message>
        <source>Best of N runs per strategy; the whisker spans the fastest to the slowest run; the diamond is the notebook&apos;s figure; failed and stopped runs are not times</source>
        <translation>Лучший из N запусков для каждой стратегии; «ус» — от самого быстрого до самого медленного запуска; ромб — результат из блокнота; у запусков с ошибкой и остановленных времени нет</translation>
    </message>
    <message>
        <source>seconds, best of N (lower is faster)</source>
        <translation>секунды, лучший из N (меньше — быстрее)</translation>
    </message>
    <message>
        <source>seconds, best of N, log scale (lower is faster)</source>
        <translation>секунды, лучший из N, логарифмическая шкала (меньше — быстрее)</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 МиБ</translation>
    </message>
    <message>
        <source>MiB, the experiment&apos;s own (median of N)</source>
        <translation>МиБ, память самого эксперимента (медиана из N)</translation>
    </message>
    <message>
        <source>MiB, the experiment&apos;s own (median of N), log scale</source>
        <translation>МиБ, память самого эксперимента (медиана из N), логарифмическая шкала</translation>
    </message>
    <message>
        <source>Each experiment&apos;s own memory: how far the app&apos;s resident memory grew over where it stood when the run started (threads&apos; stacks, tasks&apos; sockets and buffers), plus each child process&apos;s PSS (its private pages and its share of the shared ones). The median of the ok runs; the whisker spans the smallest to the largest</source>
        <translation>Память самого эксперимента: насколько резидентная память программы выросла от уровня на старте запуска (стеки потоков, сокеты и буферы задач), плюс PSS каждого дочернего процесса (его собственные страницы и его доля общих). Медиана успешных запусков; «усы» — от наименьшего до наибольшего</translation>
    </message>
    <message>
        <source>%1, CPython</source>
        <translation>%1, CPython</translation>
    </message>
</context>
<context>
    <name>ui::TimingsPage</name>
    <message>
        <source>Every run; select rows and press Ctrl+C to copy them</source>
        <translation>Все запуски; выделите строки и нажмите Ctrl+C, чтобы скопировать</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>CPU-bound: counting loop — best of N</source>
        <translation>Вычисления (CPU): цикл со счётчиком — лучший из N</translation>
    </message>
    <message>
        <source>IO-bound: HTTP requests — best of N</source>
        <translation>Ввод-вывод (IO): HTTP-запросы — лучший из N</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>IO</source>
        <translation>IO</translation>
    </message>
    <message>
        <source>Memory: each experiment&apos;s own — median of N</source>
        <translation>Память: своя у каждого эксперимента — медиана из N</translation>
    </message>
</context>
</TS>
