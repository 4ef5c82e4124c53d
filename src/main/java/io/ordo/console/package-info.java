/**
 * The browser console at {@code /console} (docs/console.md): server-rendered pages (Thymeleaf templates under
 * {@code templates/console}), htmx for fragments and live updates over server-sent events, ECharts for charts, all
 * served as webjars. It reaches the other features only through their {@code api} (commands and queries on the
 * gateways), never their repositories, and signs in with a form and a session (platform/security/ConsoleSecurity).
 */
package io.ordo.console;
