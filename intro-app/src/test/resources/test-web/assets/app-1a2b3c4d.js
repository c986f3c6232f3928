document.getElementById("root").textContent = "TEST-WEB-SCRIPT";
