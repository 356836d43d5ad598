package io.huida.server.chat;

import io.huida.server.conversation.ConversationLifecycle;
import io.huida.server.conversation.ConversationStatus;
import io.huida.server.workspace.Csat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop in a real headless Chromium, a visitor page and an agent page at the same time: the visitor asks,
 * the bot answers, the visitor asks for a human, the agent sees the summary, replies, the visitor sees it live, the
 * agent resolves, the visitor rates. Screenshots of both pages land in {@code target/e2e}. Needs Debian's
 * {@code chromium} and {@code chromium-driver} (installed by {@code .ci/run}); fails, never skips, without them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huida.data-dir=target/it-dialog-h2",
        "huida.demo-data=true",
        "huida.admin-password=dialog-admin-pw",
        "spring.datasource.url=jdbc:h2:mem:huida-dialog-it;DB_CLOSE_DELAY=-1",
        "huida.widget.site-secret=test-site-secret"})
@AutoConfigureMockMvc
class LiveChatE2EIT {

    private static final Path SHOTS = Path.of("target", "e2e");
    private static WebDriver visitor;
    private static WebDriver agent;

    @LocalServerPort
    int port;

    @Autowired
    ConversationLifecycle lifecycle;

    @Autowired
    Csat csat;

    @Autowired
    io.huida.server.routing.Agents agents;

    @org.junit.jupiter.api.AfterEach
    void offline() {
        // the context is shared with other tests: an online agent would take their conversations
        agents.setStatus("agent4", io.huida.server.routing.AgentStatus.OFFLINE);
    }

    @BeforeAll
    static void browsers() throws Exception {
        File chromium = new File("/usr/bin/chromium");
        File driver = new File("/usr/bin/chromedriver");
        assertThat(chromium.canExecute()).as("Debian's chromium is required at %s (apt-get install chromium; .ci/run does it)", chromium).isTrue();
        assertThat(driver.canExecute()).as("Debian's chromium-driver is required at %s (apt-get install chromium-driver)", driver).isTrue();
        Files.createDirectories(SHOTS);
        visitor = browser(chromium, driver);
        agent = browser(chromium, driver);
    }

    private static WebDriver browser(File chromium, File driver) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void close() {
        for (WebDriver d : new WebDriver[]{visitor, agent}) {
            if (d != null) {
                d.quit();
            }
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The texts of the widget's messages (inside its shadow root). */
    @SuppressWarnings("unchecked")
    private static List<String> widgetTexts() {
        return (List<String>) ((JavascriptExecutor) visitor).executeScript(
                "return Array.from(document.querySelector('#huida-widget').shadowRoot.querySelectorAll('.m'))"
                        + ".map(n => n.className + '|' + n.textContent);");
    }

    private static void waitFor(WebDriver d, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(d, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(200)).until(x -> condition.get());
    }

    private static void shot(WebDriver d, String name) throws Exception {
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void visitorBotHandoffAgentReplyResolveAndRating() throws Exception {
        // conversations other tests left waiting would compete for the agent: close them first
        lifecycle.queue(10_000).forEach(c -> lifecycle.resolve(c.id(), "test", java.time.Instant.now()));
        // the visitor opens the shop page and asks
        visitor.get(base() + "/widget-demo.html");
        waitFor(visitor, () -> (Boolean) ((JavascriptExecutor) visitor).executeScript("return !!window.HuidaWidget"));
        ((JavascriptExecutor) visitor).executeScript("HuidaWidget.open(); HuidaWidget.send('信用卡年费多少钱？')");
        waitFor(visitor, () -> widgetTexts().stream().anyMatch(t -> t.startsWith("m bot|") && t.contains("年费")));
        ((JavascriptExecutor) visitor).executeScript("HuidaWidget.send('<img src=x onerror=alert(1)>转人工')");
        waitFor(visitor, () -> widgetTexts().stream().anyMatch(t -> t.contains("转接人工客服")));
        String conversation = (String) ((JavascriptExecutor) visitor).executeScript(
                "return JSON.parse(localStorage.getItem('huida.widget.127.0.0.1:" + port + "')).conversationId");
        waitFor(visitor, () -> lifecycle.find(conversation).map(c -> c.status() == ConversationStatus.QUEUED
                || c.status() == ConversationStatus.ASSIGNED).orElse(false));

        // the agent signs in (landing on the workspace), goes online and routing gives them the conversation
        agent.get(base() + "/login?lang=zh_CN");
        agent.findElement(By.name("username")).sendKeys("agent4");
        agent.findElement(By.name("password")).sendKeys("huida-demo-2026");
        agent.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(agent, () -> agent.getCurrentUrl().contains("/agent"));
        new org.openqa.selenium.support.ui.Select(agent.findElement(By.id("agentStatus"))).selectByValue("ONLINE");
        String item = "//ul[@id='mineList']//button[contains(., '" + conversation.substring(0, 8) + "')]";
        waitFor(agent, () -> !agent.findElements(By.xpath(item)).isEmpty());
        assertThat(lifecycle.find(conversation).orElseThrow().agent()).isEqualTo("agent4");
        waitFor(agent, () -> agent.getTitle().startsWith("(1) ")); // the tab counts what waits for the agent
        agent.findElement(By.xpath(item)).click();  // opening it accepts it
        waitFor(agent, () -> !agent.getTitle().startsWith("("));
        waitFor(agent, () -> agent.findElement(By.id("summaryText")).getText().contains("信用卡年费多少钱"));
        waitFor(agent, () -> agent.findElement(By.id("convStatus")).getText().equals("ASSIGNED"));
        // hostile text from the visitor is shown as text, not markup
        assertThat(agent.findElement(By.id("log")).getText()).contains("<img src=x onerror=alert(1)>转人工");
        assertThat(agent.findElements(By.cssSelector("#log img"))).isEmpty();

        // the agent replies; the visitor sees it live
        agent.findElement(By.id("draft")).sendKeys("您好，我是客服小王，信用卡年费可以帮您申请减免。");
        agent.findElement(By.id("sendBtn")).click();
        waitFor(visitor, () -> widgetTexts().stream().anyMatch(t -> t.startsWith("m agent|") && t.contains("客服小王")));
        // the agent sends an image; the visitor sees it (loaded with their own token) in the agent's bubble
        Path png = Files.createTempFile("receipt", ".png");
        Files.write(png, AttachmentIT.PNG);
        agent.findElement(By.id("fileInput")).sendKeys(png.toAbsolutePath().toString());
        waitFor(agent, () -> !agent.findElements(By.cssSelector("#log .ws-agent img.ws-attach")).isEmpty());
        waitFor(visitor, () -> (Boolean) ((JavascriptExecutor) visitor).executeScript(
                "const i = document.querySelector('#huida-widget').shadowRoot.querySelector('.m.agent img');"
                        + "return !!i && i.complete && i.naturalWidth === 1;"));
        shot(agent, "agent.png");

        // the agent resolves; the visitor rates
        agent.findElement(By.cssSelector("#resolveForm button[type=submit]")).click();
        waitFor(visitor, () -> (Boolean) ((JavascriptExecutor) visitor).executeScript(
                "return !!document.querySelector('#huida-widget').shadowRoot.querySelector('.rate')"));
        ((JavascriptExecutor) visitor).executeScript(
                "const r = document.querySelector('#huida-widget').shadowRoot;"
                        + "r.querySelectorAll('.star')[4].click(); r.querySelector('.rate .go').click();");
        waitFor(visitor, () -> csat.of(conversation).isPresent());
        assertThat(csat.of(conversation).orElseThrow().score()).isEqualTo(5);
        assertThat(lifecycle.find(conversation).orElseThrow().status()).isEqualTo(ConversationStatus.RESOLVED);
        shot(visitor, "visitor.png");
    }
}
