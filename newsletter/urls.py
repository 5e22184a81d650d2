from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("nyhetsbrev/", views.SignupView.as_view(), name="signup"),
    path("nyhetsbrev/tack/", views.ThanksView.as_view(), name="thanks"),
    path("nyhetsbrev/bekrafta/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("nyhetsbrev/bekraftad/", views.ConfirmedView.as_view(), name="confirmed"),
    path("nyhetsbrev/avsluta/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("nyhetsbrev/tidigare/", views.IssueArchiveView.as_view(), name="archive"),
    path("nyhetsbrev/tidigare/<int:pk>/", views.IssueDetailView.as_view(), name="issue"),
]
