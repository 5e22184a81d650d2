from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("nyhetsbrev/", views.SignupView.as_view(), name="signup"),
]
