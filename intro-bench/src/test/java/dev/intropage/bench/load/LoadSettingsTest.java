package dev.intropage.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadSettingsTest {
  @Test
  void onlyLoopbackTargetsAreAccepted() {
    assertThat(LoadSettings.loopback("http://127.0.0.1:8080/x").getPort()).isEqualTo(8080);
    assertThat(LoadSettings.loopback("http://[::1]:8080/x").getHost()).isEqualTo("[::1]");
    assertThatThrownBy(() -> LoadSettings.loopback("http://192.0.2.1:8080/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-loopback");
    assertThatThrownBy(() -> LoadSettings.loopback("https://127.0.0.1/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runsAreBounded() {
    assertThatThrownBy(
            () ->
                LoadSettings.parse(
                    new String[] {
                      "--url", "http://127.0.0.1:1/", "--rate", "10", "--duration", "31"
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                LoadSettings.parse(
                    new String[] {
                      "--url", "http://127.0.0.1:1/", "--rate", "50000", "--duration", "30"
                    }))
        .hasMessageContaining("at most");
  }
}
