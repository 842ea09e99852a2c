import Foundation

// Staff write as "my" and address customers as "Państwo"; customers avoid gendered past-tense
// forms. Product names are masculine inanimate, so nominative and accusative are the same.
extension DemoWorkspace {
    static let polishPhrasebook = Phrasebook(
        staffGreetings: ["Dzień dobry,", "Witamy,", "Dzień dobry!"],
        staffSignoffs: ["Pozdrawiamy serdecznie,", "Z wyrazami szacunku,", "Miłego dnia,"],
        customerGreetings: ["Dzień dobry,", "Witam,", "Dzień dobry!"],
        customerSignoffs: ["Pozdrawiam,", "Z poważaniem,", "Z góry dziękuję,"],
        thanks: ["Bardzo dziękuję!", "Super, dziękuję za pomoc.", "Dziękuję za szybką odpowiedź!"],
        nudges: ["Czy są jakieś nowe informacje?", "Czy mogę prosić o informację, na jakim etapie jest moje zgłoszenie?"],
        holds: [
            "Przekazaliśmy zgłoszenie do właściwego działu i czekamy na ich odpowiedź. Odezwiemy się, gdy tylko będziemy mieć nowe informacje.",
            "Czekamy na potwierdzenie od osób, które zajmują się tą sprawą. Zgłoszenie jest wstrzymane do czasu ich odpowiedzi, ale nie zapomnimy o nim.",
        ],
        products: [
            "termostat Nimbus T2", "moduł kamery Nimbus Cam 360", "hub Nimbus Hub", "głośnik Nimbus Aura",
            "zestaw czujników Nimbus Door", "inteligentny adapter Nimbus Plug Mini", "oczyszczacz powietrza Nimbus Air",
            "zamek Nimbus Lock Pro",
        ],
        amountFormat: "{n} zł", amountRange: 60...3_500, groupSeparator: " ", daysFormat: "{n} dni",
        trackingCountry: "PL")

    static func polishScript(_ topic: Topic) -> Script {
        switch topic {
        case .refund:
            Script(
                subjects: ["Zwrot pieniędzy za zamówienie {order}", "Prośba o zwrot środków – {order}", "Zwrot pieniędzy za produkt"],
                openings: [
                    "Dwa tygodnie temu produkt z zamówienia {order} ({product}) został odesłany do Państwa magazynu, ale zwrot {amount} nadal nie dotarł. Proszę sprawdzić, co się dzieje.",
                    "Proszę o zwrot pieniędzy za zamówienie {order}. Produkt ({product}) nie spełnia moich oczekiwań, opakowanie nie było otwierane. Kwota to {amount}.",
                ],
                replies: [
                    "Przepraszamy za oczekiwanie. Magazyn potwierdził odbiór produktu ({product}). Prosimy o podanie czterech ostatnich cyfr karty, którą opłacono zamówienie.",
                    "Dziękujemy za wiadomość. Widzimy zamówienie {order} w systemie. Czy zwrot ma trafić na kartę, którą opłacono zamówienie, czy na saldo konta w sklepie?",
                ],
                followUps: ["Ostatnie cyfry karty to {last4}.", "Na kartę, proszę – końcówka {last4}."],
                resolutions: [
                    "Zleciliśmy zwrot {amount} za zamówienie {order}. W zależności od banku środki pojawią się na koncie w ciągu 3–5 dni roboczych.",
                    "Dobra wiadomość: zwrot {amount} został dziś zaksięgowany. Wkrótce otrzymają Państwo e-mail z potwierdzeniem.",
                ])
        case .login:
            Script(
                subjects: ["Nie mogę się zalogować", "Logowanie nie działa od rana", "Strona logowania się zapętla"],
                openings: [
                    "Od rana nie da się zalogować do aplikacji Nimbus – pojawia się komunikat „nieprawidłowe dane logowania”, choć hasło na pewno jest poprawne. Mój login to {email}.",
                    "Po kliknięciu „Zaloguj” za każdym razem wracam na stronę logowania bez żadnego błędu. Próbuję w dwóch przeglądarkach, ciasteczka są wyczyszczone.",
                ],
                replies: [
                    "Przepraszamy za kłopot. Widzimy kilka nieudanych prób logowania, dlatego konto zostało tymczasowo zablokowane ze względów bezpieczeństwa. Z jakiego urządzenia i jakiej wersji aplikacji Państwo korzystają?",
                    "Dziękujemy za szczegóły. Prosimy o zrzut ekranu po kliknięciu „Zaloguj” – to pomoże nam znaleźć przyczynę.",
                ],
                followUps: [
                    "Telefon z Androidem, wersja aplikacji 4.12. Na laptopie w przeglądarce to samo.",
                    "Zrzut ekranu w załączniku. Strona miga i znowu pokazuje formularz logowania.",
                ],
                resolutions: [
                    "Odblokowaliśmy konto i zresetowaliśmy sesję – logowanie powinno już działać. Jeśli aplikacja nadal pokazuje błąd, prosimy zaktualizować ją do najnowszej wersji.",
                    "Nasi inżynierowie znaleźli problem z ciasteczkami w niektórych przeglądarkach i naprawili go godzinę temu. Prosimy spróbować ponownie.",
                ])
        case .invoice:
            Script(
                subjects: ["Pytanie dotyczące faktury {invoice}", "Brak NIP na fakturze {invoice}", "Prośba o korektę faktury"],
                openings: [
                    "Proszę o wyjaśnienie kwoty {amount} na fakturze {invoice}. Nasz plan w tym miesiącu miał być tańszy.",
                    "Księgowość prosi o ponowne wystawienie faktury {invoice} z NIP-em i adresem siedziby naszej firmy. Czy to możliwe?",
                ],
                replies: [
                    "Chętnie pomożemy. Kwota na fakturze {invoice} obejmuje proporcjonalną opłatę za dwa dodatkowe stanowiska dodane w trakcie okresu rozliczeniowego. Czy przesłać rozbicie na poszczególne stanowiska?",
                    "Oczywiście. Prosimy o przesłanie NIP-u i dokładnego adresu w takiej formie, w jakiej mają się znaleźć na fakturze.",
                ],
                followUps: ["Tak, rozbicie bardzo się przyda, dziękuję.", "Dane firmy przesyłam w załączniku."],
                resolutions: [
                    "Przesyłamy szczegółowe rozbicie: {amount} to plan podstawowy plus dwa dodatkowe stanowiska za niepełny miesiąc. Na kolejnej fakturze nic się nie zmieni.",
                    "W załączniku przesyłamy fakturę korygującą do {invoice}. Poprzednia została anulowana, więc do dokumentacji prosimy używać nowej wersji.",
                ])
        case .deliveryDelay:
            Script(
                subjects: ["Gdzie jest moje zamówienie {order}?", "Opóźniona dostawa – zamówienie {order}", "Zamówienie {order} nadal nie dotarło"],
                openings: [
                    "Zamówienie {order} zostało złożone {days} temu, a paczki wciąż nie ma. Numer przesyłki {tracking} nie aktualizuje się od kilku dni.",
                    "Zamówienie {order} miało dotrzeć wczoraj. Gdzie ono teraz jest? Ten {product} jest mi potrzebny na weekend.",
                ],
                replies: [
                    "Przepraszamy za opóźnienie. Skontaktowaliśmy się z kurierem w sprawie przesyłki {tracking}. Czy adres dostawy jest nadal aktualny?",
                    "Dziękujemy za cierpliwość. Paczka jest obecnie w regionalnym centrum sortowania. Poprosiliśmy przewoźnika o informację i odezwiemy się, gdy tylko ją otrzymamy.",
                ],
                followUps: ["Tak, adres jest taki sam jak w zamówieniu. Czy mogę coś jeszcze zrobić?", "Dziękuję, czekam na wiadomość."],
                resolutions: [
                    "Kurier potwierdził, że przesyłka {tracking} zostanie doręczona jutro. W ramach przeprosin zwróciliśmy koszt dostawy.",
                    "Dziś rano zamówienie {order} zostało oznaczone jako doręczone. Jeśli czegoś brakuje, wystarczy odpowiedzieć na tę wiadomość.",
                ])
        case .damagedItem:
            Script(
                subjects: ["Otrzymany produkt jest uszkodzony", "Uszkodzony produkt w zamówieniu {order}", "Reklamacja: pęknięta obudowa"],
                openings: [
                    "W zamówieniu {order} przyszedł {product} z pękniętą obudową i nie chce się włączyć. Karton też był zgnieciony. Chcę go zwrócić.",
                    "Niestety otrzymany {product} jest uszkodzony – przez róg obudowy biegnie pęknięcie. Co mam zrobić?",
                ],
                replies: [
                    "Bardzo nam przykro. Prosimy o kilka zdjęć produktu i opakowania – wtedy zorganizujemy bezpłatny zwrot.",
                    "Przykro nam to słyszeć! Przygotowaliśmy etykietę zwrotną dla zamówienia {order}. Wolą Państwo wymianę czy zwrot pieniędzy?",
                ],
                followUps: ["Zdjęcia w załączniku. Jeśli jest na stanie, wolę wymianę.", "Wymianę, poproszę."],
                resolutions: [
                    "Dziękujemy za zdjęcia. Nowy {product} jest już w drodze, numer przesyłki: {tracking}. Kurier przy okazji odbierze uszkodzony egzemplarz.",
                    "Zwrot dotarł do nas, a nowy {product} został dziś wysłany. Jeszcze raz przepraszamy za kłopot.",
                ])
        case .exchange:
            Script(
                subjects: ["Wymiana produktu z zamówienia {order}", "Otrzymano niewłaściwy produkt", "Czy mogę wymienić produkt?"],
                openings: [
                    "W zamówieniu {order} przyszedł inny model. Zamówiony był {product}, a w pudełku jest coś zupełnie innego.",
                    "Czy można wymienić {product} z zamówienia {order} na nowszą wersję? Mogę dopłacić różnicę.",
                ],
                replies: [
                    "Przepraszamy za pomyłkę. Prosimy o zdjęcie etykiety z otrzymanego pudełka – od razu zorganizujemy wymianę.",
                    "Oczywiście, to możliwe. Różnica wyniesie {amount}. Czy przesłać link do płatności?",
                ],
                followUps: ["Przesyłam zdjęcie etykiety.", "Tak, proszę o link."],
                resolutions: [
                    "Wymiana jest zorganizowana: właściwy {product} wyjeżdża dziś, a kurier przy doręczeniu odbierze błędnie wysłany produkt.",
                    "Płatność otrzymana, dziękujemy. Nowy {product} jest w drodze, numer przesyłki: {tracking}.",
                ])
        case .featureRequest:
            Script(
                subjects: ["Propozycja: tryb ciemny w aplikacji", "Pomysł na aplikację Nimbus", "Eksport do CSV byłby super"],
                openings: [
                    "Aplikacja jest świetna, ale bardzo brakuje trybu ciemnego i możliwości eksportu historii temperatur do CSV.",
                    "Mała sugestia: przydałoby się kopiowanie harmonogramu z jednego dnia na inny. Ustawianie każdego dnia osobno trwa wieki.",
                ],
                replies: [
                    "Dziękujemy za pomysł! Przekazaliśmy go zespołowi produktowemu. Do czego najczęściej korzystaliby Państwo z tej funkcji?",
                ],
                followUps: [
                    "Głównie do porównywania kosztów ogrzewania miesiąc do miesiąca w arkuszu kalkulacyjnym.",
                    "Ogrzewamy biuro inaczej w dni robocze i w weekendy, więc wystarczyłoby ustawić poniedziałek i skopiować go na pozostałe dni robocze.",
                ],
                resolutions: [
                    "Jeszcze raz dziękujemy za pomysł. Trafił na naszą mapę rozwoju produktu – damy znać, gdy funkcja będzie dostępna.",
                    "Dobra wiadomość: kopiowanie harmonogramu między dniami jest już w najnowszej aktualizacji aplikacji. Chętnie poznamy Państwa opinię!",
                ])
        case .complaint:
            Script(
                subjects: ["Rozczarowanie obsługą klienta", "Skarga na kontakt z pomocą techniczną", "Nikt nie odpowiada na moje wiadomości"],
                openings: [
                    "Piszę już trzeci raz w sprawie zamówienia {order} i nadal brak konkretnej odpowiedzi. Oczekiwania wobec Państwa obsługi były znacznie wyższe.",
                    "Wczoraj na infolinii trzeba było czekać 40 minut, po czym połączenie zostało przerwane. Dla płacącego klienta to nie do przyjęcia.",
                ],
                replies: [
                    "Przepraszamy – mają Państwo rację, to trwało zdecydowanie za długo. Przejęliśmy sprawę i przeglądamy całą historię zgłoszenia.",
                    "Przepraszamy za takie doświadczenie. Przejrzeliśmy wcześniejsze wiadomości i przekazaliśmy sprawę kierownikowi zespołu. Czy możemy jutro zadzwonić, aby wszystko wyjaśnić?",
                ],
                followUps: ["Dobrze, ale oczekuję rozwiązania jeszcze w tym tygodniu.", "Tak, proszę dzwonić po 14:00."],
                resolutions: [
                    "Zgodnie z ustaleniami problem z zamówieniem {order} został rozwiązany, a na Państwa konto dodaliśmy {amount} rekompensaty. Dziękujemy za cierpliwość.",
                    "Dziękujemy za rozmowę. Przekazaliśmy Państwa uwagi zespołowi, aby sytuacja się nie powtórzyła, a sam problem jest już rozwiązany.",
                ])
        case .apiError:
            Script(
                subjects: ["API zwraca {error} dla {endpoint}", "Integracja nie działa: {error}", "Pilne: błędy API od rana"],
                openings: [
                    "Od około 9:00 nasza integracja dostaje {error} z {endpoint} przy mniej więcej połowie zapytań. Po naszej stronie nic się nie zmieniło.",
                    "Nasz odbiornik webhooków przestał otrzymywać zdarzenia, a wywołania {endpoint} kończą się błędem {error}. Blokuje to synchronizację magazynu.",
                ],
                replies: [
                    "Dziękujemy za zgłoszenie. Prosimy o request ID (nagłówek X-Request-Id) jednego z nieudanych wywołań oraz przybliżony czas w UTC.",
                    "Udało nam się odtworzyć {error} dla {endpoint}, inżynierowie już to analizują. Aktualizacje będziemy publikować w tym zgłoszeniu.",
                ],
                followUps: ["Request ID {requestId}, około 09:14 UTC.", "Błędy nadal występują. Kiedy można spodziewać się poprawki?"],
                resolutions: [
                    "Inżynierowie wdrożyli poprawkę dla {endpoint} o 11:40 UTC i odsetek błędów wrócił do normy. Nieudane zdarzenia webhooków zostały wysłane ponownie.",
                    "Przyczyną był wygasły certyfikat na jednym z węzłów API. Został wymieniony – prosimy o informację, jeśli {error} nadal będzie się pojawiać.",
                ])
        case .passwordReset:
            Script(
                subjects: ["Nie dochodzi e-mail z resetem hasła", "Jak zresetować hasło?", "Link do resetu hasła wygasł"],
                openings: [
                    "Już trzeci raz proszę o reset hasła, ale e-mail nie przychodzi. Folder spam jest sprawdzony. Moje konto to {email}.",
                    "Nie pamiętam hasła, a link z wiadomości podobno wygasł. Proszę o pomoc.",
                ],
                replies: [
                    "Przepraszamy. Prosimy potwierdzić adres e-mail przypisany do konta – czasem zamówienia są składane z innego adresu.",
                ],
                followUps: ["Tak, to {email}."],
                resolutions: [
                    "Państwa dostawca poczty odrzucał nasze wiadomości. Wysłaliśmy link ponownie inną drogą – powinien już być w skrzynce odbiorczej.",
                    "Wysłaliśmy nowy link, ważny przez 24 godziny. Jeśli nie pojawi się w ciągu kilku minut, prosimy dodać nasz adres do kontaktów i sprawdzić ponownie.",
                ])
        case .planUpgrade:
            Script(
                subjects: ["Przejście na plan {plan}", "Pytanie o cenę planu {plan}", "Potrzebujemy więcej urządzeń w planie"],
                openings: [
                    "Obecnie mamy plan Basic i rozważamy przejście na {plan}. Ile to będzie kosztować dla {qty} urządzeń i czy nasze dane zostaną zachowane?",
                    "Proszę o ofertę na plan {plan}. Otwieramy drugie biuro i będziemy potrzebować więcej użytkowników.",
                ],
                replies: [
                    "Cieszymy się, że się Państwo rozwijają! Dla {qty} urządzeń w planie {plan} cena wynosi {amount} miesięcznie przy rozliczeniu rocznym. Wszystkie dane zostają bez zmian. Czy umówić krótkie demo?",
                ],
                followUps: ["Demo bardzo chętnie. Czy czwartek po południu pasuje?"],
                resolutions: [
                    "Przenieśliśmy Państwa przestrzeń roboczą na plan {plan}; nowe limity już obowiązują, a pierwsza faktura zostanie naliczona proporcjonalnie. Dziękujemy za wybór Nimbus!",
                    "Oferta na plan {plan} została wysłana e-mailem i jest ważna 30 dni. Wystarczy odpowiedzieć, gdy będą Państwo gotowi, a zmienimy plan.",
                ])
        case .doubleCharge:
            Script(
                subjects: ["Podwójne obciążenie za zamówienie {order}", "Karta obciążona dwukrotnie", "Podwójna płatność {amount}"],
                openings: [
                    "Za zamówienie {order} karta została obciążona dwukrotnie kwotą {amount}. Obie płatności widać na wyciągu. Proszę o zwrot duplikatu.",
                    "Dziś rano karta została dwa razy obciążona tą samą opłatą za subskrypcję – {amount}.",
                ],
                replies: [
                    "Przepraszamy! Widzimy dwie autoryzacje. Czy obie są już zaksięgowane, czy jedna jest jeszcze oczekująca w banku?",
                ],
                followUps: [
                    "Obie są zaksięgowane, żadna nie oczekuje.",
                    "Jedna z nich jest jeszcze oczekująca.",
                ],
                resolutions: [
                    "Zwróciliśmy zdublowaną płatność {amount}. Bank może ją pokazać w ciągu 3–5 dni roboczych. Przepraszamy za kłopot.",
                    "Druga płatność była tylko tymczasową autoryzacją i operator płatności już ją anulował. Karta nie zostanie obciążona dwukrotnie.",
                ])
        case .cancellation:
            Script(
                subjects: ["Rezygnacja z subskrypcji", "Proszę wyłączyć automatyczne odnawianie", "Jak anulować plan?"],
                openings: [
                    "Proszę o anulowanie subskrypcji {plan} z końcem bieżącego okresu rozliczeniowego. Usługa nie jest nam już potrzebna.",
                    "Chcę wyłączyć automatyczne odnawianie dla konta {email}. Gdzie można to zrobić?",
                ],
                replies: [
                    "Szkoda, że nas Państwo opuszczają. Zanim anulujemy, czy możemy zapytać o powód? Jeśli chodzi o cenę, możemy zaproponować dwa miesiące za pół ceny.",
                ],
                followUps: ["Dziękuję, ale decyzja zapadła. Proszę anulować."],
                resolutions: [
                    "Subskrypcja została anulowana i pozostanie aktywna do końca opłaconego okresu. Kolejnych obciążeń nie będzie.",
                    "Automatyczne odnawianie jest wyłączone. Z konta można korzystać do końca bieżącego okresu.",
                ])
        case .addressChange:
            Script(
                subjects: ["Zmiana adresu dostawy dla {order}", "Błąd w adresie zamówienia", "Czy można zaktualizować adres wysyłki?"],
                openings: [
                    "W adresie dostawy zamówienia {order} jest błąd. Czy można go poprawić przed wysyłką?",
                    "Przenieśliśmy biuro. Czy {product} z zamówienia {order} może trafić pod nowy adres?",
                ],
                replies: [
                    "Nie ma problemu, zamówienie nie zostało jeszcze wysłane. Prosimy o pełny nowy adres wraz z kodem pocztowym.",
                ],
                followUps: ["Nowy adres jest już w profilu konta – proszę użyć tego."],
                resolutions: [
                    "Gotowe – zamówienie {order} zostanie wysłane na nowy adres. Numer przesyłki {tracking} przyjdzie e-mailem, gdy paczka opuści magazyn.",
                ])
        case .outage:
            Script(
                subjects: ["Aplikacja Nimbus nie działa", "Urządzenia offline w aplikacji", "Czy jest jakaś awaria?"],
                openings: [
                    "Od mniej więcej godziny żadne z naszych urządzeń nie pojawia się w aplikacji – wszystkie są „offline”, choć mają zasilanie i sieć.",
                    "Panel w ogóle się nie ładuje, kręci się tylko kółko. Czy jest jakaś awaria?",
                ],
                replies: [
                    "Dziękujemy za informację. Wiemy o awarii chmury urządzeń i nasi inżynierowie już nad nią pracują. Aktualizacje publikujemy na stronie statusu.",
                ],
                followUps: ["Czy są jakieś wieści? Od tego zależy harmonogram ogrzewania w naszym biurze."],
                resolutions: [
                    "Usługa została w pełni przywrócona. Podczas awarii urządzenia działały według ostatniego harmonogramu, więc żadne ustawienia nie zostały utracone. Przepraszamy za utrudnienia.",
                ])
        case .bulkQuote:
            Script(
                subjects: ["Oferta na {qty} szt.", "Zapytanie o zamówienie hurtowe", "Ceny hurtowe urządzeń Nimbus"],
                openings: [
                    "Wyposażamy nowy hotel i potrzebujemy {qty} szt. (model: {product}). Proszę o ofertę z dostawą i montażem.",
                    "Czy oferują Państwo rabaty przy większych ilościach? Chcemy zamówić {qty} szt. (model: {product}) dla naszych klientów.",
                ],
                replies: [
                    "Dziękujemy za zainteresowanie! Przy {qty} szt. możemy zaproponować cenę {amount} za sztukę z dostawą. Do jakiego miasta i na kiedy ma być dostawa?",
                ],
                followUps: ["Za około trzy tygodnie, do miasta, w którym mamy biuro. Czy można dodać montaż?"],
                resolutions: [
                    "Formalną ofertę z montażem wysłaliśmy e-mailem, jest ważna 30 dni. Nasz dział sprzedaży skontaktuje się w celu potwierdzenia zamówienia.",
                ])
        }
    }
}
