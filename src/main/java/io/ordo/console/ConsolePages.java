package io.ordo.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's entry points: its sign-in form and its landing page. */
@Controller
class ConsolePages {

    @GetMapping("/console/sign-in")
    String signIn() {
        return "console/sign-in";
    }

    @GetMapping({"/console", "/console/"})
    String dashboard() {
        return "console/dashboard";
    }
}
